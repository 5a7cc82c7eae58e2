namespace Station.Service.Stock;

/// <summary>The reason codes recorded on a spoiled card.</summary>
public static class SpoilReason
{
    public const string ChipWriteFailed = nameof(ChipWriteFailed);
    public const string VerifyFailed = nameof(VerifyFailed);
    public const string PrintFailed = nameof(PrintFailed);
    public const string Jam = nameof(Jam);
    public const string Interrupted = nameof(Interrupted);
    public const string CardRemoved = nameof(CardRemoved);
    public const string ChipMute = nameof(ChipMute);
    /// <summary>The encoder's reader stack vanished (pcscd died, reader unplugged) while the card was being written.</summary>
    public const string EncoderUnavailable = nameof(EncoderUnavailable);
    public const string CardLost = nameof(CardLost);
    public const string FeedFailed = nameof(FeedFailed);
    public const string Cancelled = nameof(Cancelled);
}
