namespace Station.Service.Stock;

/// <summary>Life of one blank card: in the hopper, taken by a job, then issued or spoiled (final).</summary>
public enum CardState
{
    InHopper,
    InUse,
    Issued,
    Spoiled,
}
