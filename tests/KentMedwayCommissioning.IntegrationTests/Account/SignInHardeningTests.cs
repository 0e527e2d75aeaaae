using System.Net;
using KentMedwayCommissioning.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KentMedwayCommissioning.IntegrationTests.Account;

[Collection(nameof(SharedApp))]
public sealed class SignInHardeningTests(TestApp app) : IAsyncLifetime
{
    private const string Password = "Kent-Medway-demo-2018";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var browsing = new Browsing(app);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SignInAsync(browsing, "lay.member@kmc.example", $"not-the-password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await SignInAsync(browsing, "lay.member@kmc.example", Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked after too many failed attempts", (await Browsing.ParseAsync(right)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_too_often_from_one_address_is_answered_429_with_retry_after()
    {
        await using var limited = app.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("RateLimiting:Enabled", "true");
            host.UseSetting("RateLimiting:SignInAttemptsPerMinute", "3");
        });
        var browsing = new Browsing(limited);

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await SignInAsync(browsing, "gp.member@kmc.example", "a-wrong-password-here"));
        }

        Assert.All(answers.Take(3), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.True(int.Parse(answers[3].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many requests", (await Browsing.ParseAsync(answers[3])).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_over_its_limit_answers_429_with_a_problem_body()
    {
        await using var limited = app.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("RateLimiting:Enabled", "true");
            host.UseSetting("RateLimiting:ApiRequestsPerMinute", "2");
        });
        var client = limited.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var request = 0; request < 3; request++)
        {
            answers.Add(await client.GetAsync("/api/v1/bodies"));
        }

        Assert.Equal(HttpStatusCode.OK, answers[1].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[2].StatusCode);
        Assert.Equal("application/problem+json", answers[2].Content.Headers.ContentType!.MediaType);
        Assert.True(answers[2].Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Reading_the_whole_register_too_often_from_one_address_is_answered_429_whichever_way_it_is_read()
    {
        await using var limited = app.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("RateLimiting:Enabled", "true");
            host.UseSetting("RateLimiting:WholeRegisterReadsPerMinute", "2");
        });
        var client = limited.CreateClient();

        var csv = await client.GetAsync("/decisions.csv");
        var check = await client.GetAsync("/api/v1/decisions/verify");
        var again = await client.GetAsync("/decisions.csv");
        var page = await client.GetAsync("/decisions/verify");
        var register = await client.GetAsync("/decisions");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.True(again.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_strict_content_security_policy_and_the_other_headers()
    {
        var response = await new Browsing(app).Client.GetAsync("/decisions");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_session_and_antiforgery_cookies_are_http_only_and_same_site()
    {
        var browsing = new Browsing(app);
        var form = await browsing.Client.GetAsync("/account/sign-in");
        var signedIn = await SignInAsync(browsing, "gp.member@kmc.example", Password);

        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("kmc.antiforgery=", StringComparison.Ordinal));
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("kmc.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_production_the_sign_in_form_is_served_and_its_cookies_are_secure_over_https()
    {
        await using var production = app.Factory.WithWebHostBuilder(host => host.UseEnvironment("Production").UseSetting("AllowedHosts", "commissioning.example;localhost"));
        var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://commissioning.example"), AllowAutoRedirect = false });
        var http = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var secure = await https.GetAsync("/account/sign-in");
        var plain = await http.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("secure", secure.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("kmc.antiforgery=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        // HSTS is left out for localhost, so the request names a real host.
        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(Browsing browsing, string email, string password) =>
        browsing.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
