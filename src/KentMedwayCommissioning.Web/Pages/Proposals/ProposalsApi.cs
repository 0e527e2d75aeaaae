using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

/// <summary><c>GET /api/v1/proposals/{slug}</c>: each body's outcome and the summary in words ("6 of 8 agreed, …").</summary>
public static class ProposalsApi
{
    public static void MapProposalsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenData("/api/v1/proposals/{slug}", async (string slug, ISender sender, CancellationToken cancellationToken) =>
                await sender.Send(new DetailsModel.Query(slug), cancellationToken) is { } proposal
                    ? Results.Ok(new
                    {
                        title = proposal.Title,
                        slug = proposal.Slug,
                        summary = proposal.Summary,
                        bodies = proposal.Bodies.Select(body => new
                        {
                            body = body.BodyName,
                            bodySlug = body.BodySlug,
                            outcome = body.Outcome?.ToString(),
                            explanation = body.Explanation,
                            item = body.MeetingId is null ? null : $"/meetings/{body.MeetingId}/items/{body.ItemNumber}",
                        }),
                    })
                    : throw new NotFoundException($"There is no proposal '{slug}'."))
            .WithName("GetProposal");
}
