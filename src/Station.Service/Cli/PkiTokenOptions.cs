using System.CommandLine;
using Station.Personalization.Signing;

namespace Station.Service.Cli;

/// <summary>The options that name a Document Signer key inside a PKCS#11 token (fresh instances for each verb that takes them).</summary>
public sealed class PkiTokenOptions
{
    public const string DefaultKeyLabel = "DS";

    public Option<string?> Module { get; } = new("--pkcs11-module") { Description = "PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so." };
    public Option<string?> Token { get; } = new("--token") { Description = "Label of the token holding the Document Signer key." };
    public Option<string?> PinFile { get; } = new("--pin-file") { Description = "File holding the token's user PIN (one line)." };
    public Option<string> KeyLabel { get; } = new("--key-label") { Description = "Label of the Document Signer key in the token.", DefaultValueFactory = _ => DefaultKeyLabel };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Module);
        command.Options.Add(Token);
        command.Options.Add(PinFile);
        command.Options.Add(KeyLabel);
    }

    /// <summary>True when any token option names a module (the others are then required).</summary>
    public bool Given(ParseResult parseResult) => parseResult?.GetValue(Module) is not null;

    /// <summary>The token settings; every option but the key label is required once a module is given.</summary>
    /// <exception cref="ChipCommandException">An option is missing or a file does not exist (bad input).</exception>
    public Pkcs11SignerOptions Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var module = parseResult.GetValue(Module);
        var token = parseResult.GetValue(Token);
        var pinFile = parseResult.GetValue(PinFile);
        var missing = new[] { (Module.Name, module), (Token.Name, token), (PinFile.Name, pinFile) }.Where(o => string.IsNullOrWhiteSpace(o.Item2)).Select(o => o.Name).ToArray();
        if (missing.Length > 0)
            throw ChipCommandException.BadInput($"A PKCS#11 signer needs {string.Join(", ", missing)} too (with --pkcs11-module, --token and --pin-file).");
        if (!File.Exists(module))
            throw ChipCommandException.BadInput($"--pkcs11-module: {module} does not exist.");
        if (!File.Exists(pinFile))
            throw ChipCommandException.BadInput($"--pin-file: {pinFile} does not exist.");
        return new Pkcs11SignerOptions(module!, token!, parseResult.GetValue(KeyLabel) ?? DefaultKeyLabel, pinFile!);
    }
}
