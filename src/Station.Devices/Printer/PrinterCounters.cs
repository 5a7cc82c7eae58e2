namespace Station.Devices.Printer;

/// <summary>Lifetime counters of a card printer, as its service menu shows them.</summary>
public sealed record PrinterCounters(long Fed, long Printed, long Ejected, long Rejected);
