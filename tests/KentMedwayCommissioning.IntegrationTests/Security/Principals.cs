using System.Net;
using AngleSharp.Html.Parser;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>Who sends a request, as the columns of the authorization matrix. "The body" is Kent and Medway CCG (see <see cref="DemoAddresses"/>).</summary>
public enum Principal
{
    Anonymous,
    Member,
    OtherBodyMember,
    NonVotingMember,
    Secretary,
    ProgrammeOffice,
    Administrator,
}

/// <summary>
/// A principal's browser state, captured once: its cookies (sign-in and antiforgery) and a form token issued to it.
/// Requests carry the cookies explicitly, so a request that signs out or sets a cookie cannot change the next one.
/// </summary>
public sealed class Session
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private Session(Principal principal, HttpClient client)
    {
        Principal = principal;
        Client = client;
    }

    public Principal Principal { get; }

    public HttpClient Client { get; }

    /// <summary>A valid antiforgery request token for this principal's cookies.</summary>
    public string FormToken { get; private set; } = string.Empty;

    public string CookieHeader => string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}"));

    public HttpRequestMessage Get(string url) => Request(HttpMethod.Get, url);

    public HttpRequestMessage Request(HttpMethod method, string url) => WithCookies(new HttpRequestMessage(method, url));

    /// <summary>A form post; the valid token is added unless <paramref name="token"/> says otherwise (null leaves it out).</summary>
    public HttpRequestMessage Post(string url, IEnumerable<KeyValuePair<string, string>> fields, string? token, bool withCookies = true)
    {
        var values = fields.ToList();
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        return withCookies ? WithCookies(request) : request;
    }

    /// <summary>A form post whose body is already encoded, token and all; without the antiforgery cookie when asked.</summary>
    public HttpRequestMessage RawPost(string url, string encodedForm, bool withAntiforgeryCookie = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(encodedForm, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        var cookies = _cookies.Where(cookie => withAntiforgeryCookie || cookie.Key != "kmc.antiforgery").ToList();
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Client.SendAsync(request);
        }
    }

    private HttpRequestMessage WithCookies(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }

        return request;
    }

    /// <summary>
    /// Signs each principal in through the real sign-in form; creates the two accounts the demo data lacks, and makes
    /// the demo secretary secretary of West Kent CCG too, whose published decision stands in for the body's.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Principal, Session>> SignInAllAsync(TestApp app)
    {
        await CreateAccountAsync(app, OtherBodyMemberEmail, PersonOfOtherBody);
        await CreateAccountAsync(app, NonVotingMemberEmail, NonVotingPersonOfTheBody);
        await app.AddSecretaryOfAsync(DemoAccounts.BoardSecretary.Email, DemoAddresses.PapersBodySlug);

        var sessions = new Dictionary<Principal, Session>();
        foreach (var principal in Enum.GetValues<Principal>())
        {
            sessions[principal] = await StartAsync(app, principal);
        }

        return sessions;
    }

    public const string OtherBodyMemberEmail = "other.member@test.example";
    public const string NonVotingMemberEmail = "nonvoting.member@test.example";

    /// <summary>A voting GP member of Medway CCG's governing body: a member, but not of the body.</summary>
    public static string PersonOfOtherBody { get; } = FictionalMembers.For(PapersData.MedwayCcg).First(member => member.Seat.Role == MemberRole.GpMember).Name;

    /// <summary>The body's officer in attendance: sits on the governing body without a vote.</summary>
    public static string NonVotingPersonOfTheBody { get; } = FictionalMembers.For(DemoAccounts.Body).Single(member => !member.Seat.HasVote).Name;

    public static string EmailOf(Principal principal) => principal switch
    {
        Principal.Member => DemoAccounts.GpMember.Email,
        Principal.OtherBodyMember => OtherBodyMemberEmail,
        Principal.NonVotingMember => NonVotingMemberEmail,
        Principal.Secretary => DemoAccounts.BoardSecretary.Email,
        Principal.ProgrammeOffice => DemoAccounts.ProgrammeOffice.Email,
        Principal.Administrator => DemoAccounts.Administrator.Email,
        _ => throw new ArgumentOutOfRangeException(nameof(principal), principal, "An anonymous visitor has no account."),
    };

    private static async Task CreateAccountAsync(TestApp app, string email, string personName)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var personId = await db.People.Where(person => person.FullName == personName).Select(person => person.Id).SingleAsync();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = personName, PersonId = personId };
        Succeeded(await users.CreateAsync(user, DemoAccounts.Password), email);
        Succeeded(await users.AddToRoleAsync(user, Roles.Member), email);
    }

    private static void Succeeded(IdentityResult result, string email) =>
        Assert.True(result.Succeeded, $"creating {email}: {string.Join("; ", result.Errors.Select(error => error.Description))}");

    private static async Task<Session> StartAsync(TestApp app, Principal principal)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = new Session(principal, client);
        await session.RefreshFormTokenAsync();
        if (principal != Principal.Anonymous)
        {
            var response = await session.SendAsync(session.Post("/account/sign-in", [new("Input.Email", EmailOf(principal)), new("Input.Password", DemoAccounts.Password)], session.FormToken));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{principal} could not sign in: {(int)response.StatusCode}");
            session.Remember(response);
            // The token must be issued to the signed-in identity.
            await session.RefreshFormTokenAsync();
        }

        return session;
    }

    private async Task RefreshFormTokenAsync()
    {
        var response = await SendAsync(Get("/account/sign-out"));
        Remember(response);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        FormToken = page.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The sign-out page has no antiforgery token.");
    }

    private void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }

        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0];
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..separator], pair[(separator + 1)..]);
            if (value.Length == 0)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }
}
