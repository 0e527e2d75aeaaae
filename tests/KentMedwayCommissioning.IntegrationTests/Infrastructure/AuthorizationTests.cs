using System.Net;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Infrastructure;

[Collection(nameof(SharedApp))]
public sealed partial class AuthorizationTests(TestApp app)
{
    private readonly Browsing _browser = new(app);

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/bodies/west-kent-ccg/rule")]
    public async Task A_page_not_marked_public_sends_an_anonymous_visitor_to_sign_in(string path)
    {
        var response = await _browser.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>Every page, found from the app's own endpoints, is either marked public or refused to a visitor who has not signed in.</summary>
    [Fact]
    public async Task Every_page_is_public_only_by_marking()
    {
        var pages = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();
        Assert.NotEmpty(pages);

        foreach (var page in pages)
        {
            var isPublic = page.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var path = "/" + RouteParameter().Replace(page.RoutePattern.RawText!, parameter => parameter.Groups["name"].Value switch
            {
                "slug" => "west-kent-ccg",
                "status" => "404",
                _ => "1",
            }).TrimStart('/');
            var response = await _browser.Client.GetAsync(path);

            if (isPublic)
            {
                Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            }
            else
            {
                Assert.True(
                    response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/sign-in",
                    $"{path} answered {(int)response.StatusCode} to an anonymous visitor");
            }
        }
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
