using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;

namespace KentMedwayCommissioning.Web.Pages.Bodies;

/// <summary>The bodies as open data: <c>GET /api/v1/bodies?kind=JointCommittee</c>.</summary>
public static class BodiesApi
{
    public static void MapBodiesApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenData("/api/v1/bodies", async (string? kind, ISender sender, CancellationToken cancellationToken) =>
                Results.Ok(await sender.Send(new IndexModel.Query(kind), cancellationToken)), endpoint => endpoint.WithDataVersionValidators())
            .WithName("ListBodies").Produces<IReadOnlyList<IndexModel.BodySummary>>();
}
