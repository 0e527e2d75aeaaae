using System.Net;
using System.Net.Http.Json;
using System.Text;
using KentMedwayCommissioning.Bench.Load;
using KentMedwayCommissioning.Bench.Seeding;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Pages.Decisions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KentMedwayCommissioning.IntegrationTests.Bench;

/// <summary>The benchmark's own parts (scripts/bench.sh): its seeded data is data the app accepts, and its baseline stays out of deployments.</summary>
public sealed class BenchTests
{
    [Fact]
    public async Task The_seeded_register_verifies_and_its_members_can_sign_in_and_vote()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("bench");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(40), TextWriter.Null, CancellationToken.None);
            await using var factory = TestApp.CreateFactory(connectionString);
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

            var chain = await client.GetFromJsonAsync<ChainAnswer>("/api/v1/decisions/verify");
            Assert.Equal(new ChainAnswer(true, 40), chain);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/decisions/17")).StatusCode);

            // The open vote's committee seats the first members, and its meeting follows the 8 closed ones of 5 items each:
            // the first member signs in with the seeded password and votes.
            var member = new BrowserSession(client);
            await member.SignInAsync(BenchSeeder.Email(1), CancellationToken.None);
            const string Item = "/meetings/9/items/1";
            var token = await member.FormTokenAsync(Item, CancellationToken.None);
            using var vote = await member.SendAsync(HttpMethod.Post, $"{Item}?handler=Vote", [new("choice", "For"), new("__RequestVerificationToken", token)], CancellationToken.None);
            Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
            Assert.Equal(Item, vote.Headers.Location?.OriginalString);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task The_baseline_is_not_mapped_in_production_unless_switched_on()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("baseline");
        try
        {
            await BenchSeeder.SeedAsync(connectionString, BenchScale.Tiny(5), TextWriter.Null, CancellationToken.None);

            await using (var production = Production(connectionString, baseline: null))
            {
                var off = production.CreateClient();
                Assert.Equal(HttpStatusCode.NotFound, (await off.GetAsync(RegisterBaseline.Path)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await off.GetAsync("/bench/decisions/5")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await off.PostAsync("/bench/vote/1", new FormUrlEncodedContent([new("choice", "For")]))).StatusCode);
            }

            await using var switchedOn = Production(connectionString, baseline: "true");
            var client = switchedOn.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var answer = await client.GetAsync(RegisterBaseline.Path);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("href=\"/decisions/5\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // The raw decision page shows what the app's page shows: the same chain entry and named votes.
            var raw = await client.GetStringAsync("/bench/decisions/5");
            var page = await client.GetStringAsync("/decisions/5");
            var hash = System.Text.RegularExpressions.Regex.Match(page, "Its hash is <code>([0-9a-f]{64})</code>").Groups[1].Value;
            Assert.Contains($"Its hash is <code>{hash}</code>", raw, StringComparison.Ordinal);

            // The raw vote still asks for a signed-in member and the form's antiforgery token.
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/bench/vote/1", new FormUrlEncodedContent([new("choice", "For")]))).StatusCode);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Totp_codes_match_the_rfc_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890": 94287082 at T = 59 s, of which authenticators show 6 digits.
        var key = Base32(Encoding.ASCII.GetBytes("12345678901234567890"));
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    private sealed record ChainAnswer(bool Intact, long Entries);

    private static WebApplicationFactory<Program> Production(string connectionString, string? baseline) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Default", connectionString);
            if (baseline is not null)
            {
                host.UseSetting(RegisterBaseline.Switch, baseline);
            }
        });

    private static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var value in bytes)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        return text.ToString();
    }
}
