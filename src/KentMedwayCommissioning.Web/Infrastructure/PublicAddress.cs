namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The site's public address (configuration key <c>PublicBaseUrl</c>), taken from configuration, never from a request's
/// Host header: for links made outside a request, such as the one-time links printed at the command line, and for the
/// permanent addresses in the open data (feed ids and self links, the calendar's URLs, the API's <c>next</c> links and
/// the OpenAPI server), which must not change with the address a request happened to use.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public const string Key = "PublicBaseUrl";

    /// <summary>The configured address without a trailing slash.</summary>
    public string Root { get; } = BaseUrl(configuration);

    /// <summary>The absolute URL of an app-relative path such as <c>/decisions/7</c>.</summary>
    public string Absolute(string path) => Root + path;

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
