using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;

namespace KentMedwayCommissioning.Web.Pages.Proposals;

/// <summary><c>GET /api/v1/proposals/{slug}</c>: each body's outcome and the summary in words ("6 of 8 agreed, …").</summary>
public static class ProposalsApi
{
    public sealed record ProposalJson(string Title, string Slug, string Summary, IReadOnlyList<ProposalBodyJson> Bodies);

    /// <param name="Outcome">Null while the body has not decided.</param>
    /// <param name="Item">The agenda item that decided it, when there is one.</param>
    public sealed record ProposalBodyJson(string Body, string BodySlug, string? Outcome, string? Explanation, string? Item);

    public static void MapProposalsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenData("/api/v1/proposals/{slug}", async (string slug, ISender sender, CancellationToken cancellationToken) =>
                await sender.Send(new DetailsModel.Query(slug), cancellationToken) is { } proposal
                    ? Results.Ok(new ProposalJson(
                        proposal.Title,
                        proposal.Slug,
                        proposal.Summary,
                        [
                            .. proposal.Bodies.Select(body => new ProposalBodyJson(
                                body.BodyName,
                                body.BodySlug,
                                body.Outcome?.ToString(),
                                body.Explanation,
                                body.MeetingId is null ? null : $"/meetings/{body.MeetingId}/items/{body.ItemNumber}")),
                        ]))
                    : throw new NotFoundException($"There is no proposal '{slug}'."), endpoint => endpoint.WithDataVersionValidators())
            .WithName("GetProposal").Produces<ProposalJson>();
}
