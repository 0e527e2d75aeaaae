using System.Net;
using System.Text.Json;
using KentMedwayCommissioning.TestSupport;

namespace KentMedwayCommissioning.IntegrationTests.Bodies;

[Collection(nameof(SharedApp))]
public sealed class BodiesApiTests(TestApp app)
{
    [Fact]
    public async Task Lists_bodies_of_one_kind_as_json()
    {
        var client = app.Factory.CreateClient();

        var response = await client.GetAsync("/api/v1/bodies?kind=JointCommittee");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bodies = json.RootElement.EnumerateArray().ToList();
        Assert.All(bodies, candidate => Assert.Equal("JointCommittee", candidate.GetProperty("kind").GetString()));
        var body = bodies.Single(candidate => candidate.GetProperty("slug").GetString() == "joint-committee-of-clinical-commissioning-groups");
        // Its members today: the eight CCGs left when they ended on 31 March 2020.
        Assert.Equal(2, body.GetProperty("memberBodies").GetInt32());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_with_a_validation_problem()
    {
        var client = app.Factory.CreateClient();

        var response = await client.GetAsync("/api/v1/bodies?kind=<script>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = json.RootElement.GetProperty("errors").GetProperty("kind")[0].GetString();
        Assert.StartsWith("Kind must be one of: ClinicalCommissioningGroup, JointCommittee", message, StringComparison.Ordinal);
    }
}
