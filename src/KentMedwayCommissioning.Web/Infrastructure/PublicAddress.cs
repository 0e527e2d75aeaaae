namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The site's public address (configuration key <c>PublicBaseUrl</c>), for links made outside a request, such as the
/// one-time links printed at the command line. Taken from configuration, never from a request's Host header.
/// </summary>
public static class PublicAddress
{
    public const string Key = "PublicBaseUrl";

    public static string BaseUrl(IConfiguration configuration)
    {
        var configured = configuration[Key];
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{Key} must be the site's absolute http or https address, such as https://decisions.example.nhs.uk; it is '{configured}'.");
        }

        return address.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
