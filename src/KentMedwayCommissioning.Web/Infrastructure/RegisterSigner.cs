using KentMedwayCommissioning.Transparency;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The register's signing key, from <c>Transparency:SigningKey</c> (the key itself) or <c>Transparency:SigningKeyFile</c>
/// (a file holding it), in the signed-note signer format <c>PRIVATE+KEY+name+id+key</c>; its name is the origin line of
/// every checkpoint. Without one the register still publishes, but signs no checkpoint.
/// </summary>
public sealed class RegisterSigner : IDisposable
{
    public const string KeySetting = "Transparency:SigningKey";
    public const string KeyFileSetting = "Transparency:SigningKeyFile";

    private RegisterSigner(NoteSigner? signer) => Signer = signer;

    public NoteSigner? Signer { get; }

    /// <summary>The signed checkpoint of a tree of <paramref name="size"/> entries with <paramref name="root"/>; null without a key.</summary>
    public string? SignedCheckpoint(long size, byte[] root) => Signer is { } key ? new Checkpoint(key.Name, size, root).SignWith(key) : null;

    public static RegisterSigner FromConfiguration(IConfiguration configuration)
    {
        var key = configuration[KeySetting];
        var file = configuration[KeyFileSetting];
        if (string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(file))
        {
            key = File.Exists(file) ? File.ReadAllText(file) : throw new InvalidOperationException($"{KeyFileSetting} names {file}, which does not exist.");
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            return new RegisterSigner(null);
        }

        try
        {
            return new RegisterSigner(NoteSigner.Parse(key));
        }
        catch (FormatException exception)
        {
            // Say what is wrong without echoing the secret into a log.
            throw new InvalidOperationException($"The register's signing key ({KeySetting} or {KeyFileSetting}) is not usable: {exception.Message}", exception);
        }
    }

    public const string GenerateCommandName = "generate-signing-key";

    /// <summary>
    /// Prints a new signing key (named after <c>PublicBaseUrl</c> unless a name is given) for the operator to keep
    /// secret and configure, and its verifier key to publish; scripts/run.sh uses it to make one for a local register.
    /// </summary>
    public static int GenerateFromCommandLine(WebApplication app, string[] names)
    {
        if (names.Length > 1)
        {
            Console.Error.WriteLine($"Usage: {GenerateCommandName} [KEY NAME]");
            return 2;
        }

        var name = names is [var given] ? given : OriginFor(PublicAddress.BaseUrl(app.Configuration));
        if (!NoteVerifier.IsValidName(name))
        {
            Console.Error.WriteLine("A key name is text with no spaces and no '+', such as decisions.example.nhs.uk/register.");
            return 2;
        }

        var key = NoteSigner.Generate(name);
        using var signer = NoteSigner.Parse(key);
        Console.WriteLine(key);
        Console.Error.WriteLine($"Verifier key (public): {signer.Verifier.Encoded}");
        return 0;
    }

    /// <summary>A key name for this site's register: its public address without the scheme, then /register.</summary>
    public static string OriginFor(string publicBaseUrl) => new Uri(publicBaseUrl).GetComponents(UriComponents.HostAndPort | UriComponents.Path, UriFormat.Unescaped).TrimEnd('/') + "/register";

    public void Dispose() => Signer?.Dispose();
}
