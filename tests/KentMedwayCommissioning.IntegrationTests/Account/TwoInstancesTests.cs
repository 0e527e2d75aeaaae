using System.Net;
using AngleSharp.Html.Parser;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.IntegrationTests.Account;

/// <summary>Two app instances on one database, as behind a load balancer: what one issues, the other accepts.</summary>
[Collection(nameof(SharedApp))]
public sealed class TwoInstancesTests(TestApp app) : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _other = TestApp.CreateFactory(app.ConnectionString);

    public Task InitializeAsync() => app.ResetAsync();

    public async Task DisposeAsync() => await _other.DisposeAsync();

    [Fact]
    public async Task A_member_signs_in_on_one_instance_and_votes_through_the_other()
    {
        var cookies = new Dictionary<string, string>();
        var first = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var second = _other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var signInForm = await SendAsync(first, HttpMethod.Get, "/account/sign-in", cookies);
        var signedIn = await SendAsync(first, HttpMethod.Post, "/account/sign-in", cookies, new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.GpMember.Email,
            ["Input.Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = await TokenAsync(signInForm),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var itemPath = await app.QueryDbAsync(db => db.AgendaItems.Where(item => item.VoteState == VoteState.Open)
            .Select(item => $"/meetings/{item.MeetingId}/items/{item.Number}").FirstAsync());
        var itemOnFirst = await SendAsync(first, HttpMethod.Get, itemPath, cookies);
        var vote = await SendAsync(second, HttpMethod.Post, $"{itemPath}?handler=Vote", cookies, new Dictionary<string, string>
        {
            ["choice"] = "Against",
            ["__RequestVerificationToken"] = await TokenAsync(itemOnFirst),
        });

        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        var itemOnSecond = await new HtmlParser().ParseDocumentAsync(await (await SendAsync(second, HttpMethod.Get, itemPath, cookies)).Content.ReadAsStringAsync());
        Assert.Contains("You voted against", itemOnSecond.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string> cookies, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }

        return response;
    }

    private static async Task<string> TokenAsync(HttpResponseMessage page)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        return document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
