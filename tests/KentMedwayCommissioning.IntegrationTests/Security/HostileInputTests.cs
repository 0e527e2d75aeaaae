using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.WebUtilities;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>
/// Hundreds of generated malformed and hostile requests (see <see cref="HostileRequests"/>): none may answer with a
/// server error, echo a script unescaped, succeed, or leave anything written.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed class HostileInputTests(TestApp app) : IAsyncLifetime
{
    private IReadOnlyDictionary<Principal, Session> _sessions = null!;
    private DemoAddresses _demo = null!;
    private IReadOnlyList<AppEndpoint> _endpoints = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _sessions = await Session.SignInAllAsync(app);
        _demo = await DemoAddresses.LoadAsync(app);
        _endpoints = await AppEndpoints.DiscoverAsync(app);

        // An interest on the member's register, so the form that ends one is on the page to be attacked.
        await app.QueryDbAsync(async db =>
        {
            var personId = await db.People.Where(person => person.Slug == _demo.MemberSlug).Select(person => person.Id).SingleAsync();
            db.Interests.Add(new Interest(personId, InterestKind.Financial, "Shareholding in a local pharmacy (test)", null, null, null, new DateOnly(2026, 1, 5)));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => app.ResetAsync();

    [Fact]
    public async Task Hostile_requests_are_refused_clearly_and_write_nothing()
    {
        var requests = await HostileRequests.GenerateAsync(_endpoints, _sessions, _demo);
        Assert.True(requests.Count >= 500, $"only {requests.Count} hostile requests were generated");
        var before = await DatabaseSnapshot.TakeAsync(app.ConnectionString);

        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, _) =>
        {
            if (await ProblemWithAsync(request) is { } problem)
            {
                failures.Add($"{request}: {problem}");
            }
        });

        var after = await DatabaseSnapshot.TakeAsync(app.ConnectionString);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} hostile requests were mishandled (in {clock.Elapsed.TotalSeconds:0}s):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal).Take(60))}");
        var changes = after.ChangesSince(before);
        Assert.True(changes.Count == 0, $"{requests.Count} hostile requests changed the database: {string.Join("; ", changes)}");
    }

    /// <summary>Every POST handler is the target of generated requests, so a new form cannot escape them.</summary>
    [Fact]
    public async Task Every_post_handler_gets_hostile_requests()
    {
        var requests = await HostileRequests.GenerateAsync(_endpoints, _sessions, _demo);
        var targeted = requests.Where(request => request.Method == "POST").Select(request => new Uri(new Uri("http://localhost"), request.Url)).ToList();

        var missed = _endpoints
            .Where(endpoint => endpoint.Method == "POST" && endpoint.Pattern != "/error/{status:int:range(400,599)?}")
            .Where(endpoint => !targeted.Any(uri => Targets(endpoint, uri)))
            .Select(endpoint => endpoint.Key)
            .ToList();
        Assert.True(missed.Count == 0, $"no generated request reaches {string.Join(", ", missed)}: show its form to the administrator, a member or a visitor on a page with a GET handler, or add an address in {nameof(HostileRequests)}.{nameof(HostileRequests.FindFormsAsync)}");
    }

    private static bool Targets(AppEndpoint endpoint, Uri uri)
    {
        var path = "^" + Regex.Replace(Regex.Escape(endpoint.Pattern), @"\\\{[^}]*}", "[^/]+") + "$";
        var handler = QueryHelpers.ParseQuery(uri.Query).TryGetValue("handler", out var value) ? value.ToString() : null;
        return Regex.IsMatch(uri.AbsolutePath, path, RegexOptions.IgnoreCase) && string.Equals(handler ?? string.Empty, endpoint.Handler ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string?> ProblemWithAsync(HostileRequest request)
    {
        var session = _sessions[request.As];
        using var response = await session.SendAsync(request.EncodedForm is null
            ? session.Get(request.Url)
            : session.RawPost(request.Url, request.EncodedForm, request.WithAntiforgeryCookie));
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;

        if (status >= 500)
        {
            return $"answered {status}";
        }

        if (mediaType == "text/html" && HostileRequests.Dangerous.FirstOrDefault(fragment => body.Contains(fragment, StringComparison.OrdinalIgnoreCase)) is { } echoed)
        {
            return $"echoed {echoed} unescaped";
        }

        if (request.Url.StartsWith("/api/", StringComparison.Ordinal) && status >= 400 && mediaType != "application/problem+json")
        {
            return $"answered {status} as {mediaType}, not a problem document";
        }

        var access = AuthorizationMatrixTests.Classify(response.StatusCode, location);
        return request.Expect switch
        {
            Refusal.BadToken when status == 400 || access == Access.SignIn => null,
            Refusal.BadToken => $"expected 400 for the broken token, got {status} {location}",
            Refusal.Refused when status is >= 400 and < 500 || access is Access.SignIn or Access.Forbidden => null,
            Refusal.Refused when status == 200 && body.Contains("nhsuk-error-summary", StringComparison.Ordinal) => null,
            Refusal.Refused => $"not refused: {status} {location}",
            _ => null,
        };
    }
}
