using System.Net;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.Bench.Seeding;

namespace KentMedwayCommissioning.Bench.Load;

/// <summary>
/// One signed-in visitor: keeps its own cookies (the app marks them Secure in Production, which HttpClient's cookie
/// container would not send over the loopback's plain HTTP) and reads antiforgery tokens from forms as a browser does.
/// </summary>
public sealed partial class BrowserSession(HttpClient http)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                if (pair.Length == 2 && pair[1].Length > 0 && !setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies[pair[0]] = pair[1];
                }
                else
                {
                    _cookies.Remove(pair[0]);
                }
            }
        }

        return response;
    }

    /// <summary>GETs a page and returns the antiforgery token of its first form.</summary>
    public async Task<string> FormTokenAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK && TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without a form token.");
    }

    /// <summary>
    /// Signs in with the bench password. When the app asks for a second factor it is given by
    /// <see cref="CompleteTwoFactorAsync"/>; the only place that knows how sign-in works.
    /// </summary>
    public async Task SignInAsync(string email, CancellationToken cancellationToken)
    {
        var token = await FormTokenAsync("/account/sign-in", cancellationToken);
        using var response = await SendAsync(HttpMethod.Post, "/account/sign-in",
            [new("Input.Email", email), new("Input.Password", BenchSeeder.Password), new("__RequestVerificationToken", token)], cancellationToken);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}, not a redirect.");
        }

        if (location.StartsWith("/account/sign-in/code", StringComparison.Ordinal))
        {
            await CompleteTwoFactorAsync(location, cancellationToken);
        }
    }

    /// <summary>
    /// The second step of a two-factor sign-in (Pages/Account/SignInWithCode): the authenticator code for the seeded
    /// key. The path comes from the password page's redirect.
    /// </summary>
    private async Task CompleteTwoFactorAsync(string path, CancellationToken cancellationToken)
    {
        var token = await FormTokenAsync(path, cancellationToken);
        using var response = await SendAsync(HttpMethod.Post, path,
            [new("Input.Code", Totp.Code(BenchSeeder.AuthenticatorKey, DateTimeOffset.UtcNow)), new("__RequestVerificationToken", token)], cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The two-factor step at {path} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
