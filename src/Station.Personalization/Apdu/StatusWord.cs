namespace Station.Personalization.Apdu;

/// <summary>ISO/IEC 7816-4 status words used by the station (SW1 SW2 as one value).</summary>
public static class StatusWord
{
    public const ushort Success = 0x9000;
    public const ushort EndOfFileReached = 0x6282;
    public const ushort AuthenticationFailed = 0x6300;
    public const ushort MemoryFailure = 0x6581;
    public const ushort WrongLength = 0x6700;
    public const ushort SecurityStatusNotSatisfied = 0x6982;
    public const ushort AuthenticationMethodBlocked = 0x6983;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort CommandNotAllowed = 0x6986;
    public const ushort SecureMessagingDataObjectsMissing = 0x6987;
    public const ushort SecureMessagingDataObjectsIncorrect = 0x6988;
    public const ushort WrongData = 0x6A80;
    public const ushort FunctionNotSupported = 0x6A81;
    public const ushort FileNotFound = 0x6A82;
    public const ushort NotEnoughMemory = 0x6A84;
    public const ushort IncorrectParameters = 0x6A86;
    public const ushort FileAlreadyExists = 0x6A89;
    public const ushort WrongParameters = 0x6B00;
    public const ushort InstructionNotSupported = 0x6D00;
    public const ushort ClassNotSupported = 0x6E00;
    public const ushort NoPreciseDiagnosis = 0x6F00;

    /// <summary>SW1 of "SW2 more bytes available: send GET RESPONSE".</summary>
    public const byte BytesRemainingSw1 = 0x61;

    /// <summary>SW1 of "wrong Le: resend with Le = SW2".</summary>
    public const byte WrongLeSw1 = 0x6C;

    /// <summary>True for 9000 and for the 61xx "more data" family.</summary>
    public static bool IsSuccess(ushort sw) => sw == Success || sw >> 8 == BytesRemainingSw1;

    public static string Describe(ushort sw) => sw switch
    {
        Success => "9000 success",
        EndOfFileReached => "6282 end of file reached before Le bytes",
        AuthenticationFailed => "6300 authentication failed",
        MemoryFailure => "6581 memory failure",
        WrongLength => "6700 wrong length",
        SecurityStatusNotSatisfied => "6982 security status not satisfied",
        AuthenticationMethodBlocked => "6983 authentication method blocked",
        ConditionsNotSatisfied => "6985 conditions of use not satisfied",
        CommandNotAllowed => "6986 command not allowed",
        SecureMessagingDataObjectsMissing => "6987 secure messaging data objects missing",
        SecureMessagingDataObjectsIncorrect => "6988 secure messaging data objects incorrect",
        WrongData => "6A80 incorrect data field",
        FunctionNotSupported => "6A81 function not supported",
        FileNotFound => "6A82 file not found",
        NotEnoughMemory => "6A84 not enough memory",
        IncorrectParameters => "6A86 incorrect P1 P2",
        FileAlreadyExists => "6A89 file already exists",
        WrongParameters => "6B00 wrong parameters (offset outside the file)",
        InstructionNotSupported => "6D00 instruction not supported",
        ClassNotSupported => "6E00 class not supported",
        NoPreciseDiagnosis => "6F00 no precise diagnosis",
        _ when sw >> 8 == BytesRemainingSw1 => $"{sw:X4} {sw & 0xFF} more bytes available",
        _ when sw >> 8 == WrongLeSw1 => $"{sw:X4} wrong Le, exact length {sw & 0xFF}",
        _ => $"{sw:X4}",
    };
}
