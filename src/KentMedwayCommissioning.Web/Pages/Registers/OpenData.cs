using KentMedwayCommissioning.Web.Infrastructure;
using System.Globalization;
using System.ServiceModel.Syndication;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// Each published register as CSV (<c>/registers/{register}.csv</c>) and as an Atom feed
/// (<c>/registers/{register}/feed.atom</c>): exactly what its page shows, nothing the guidance keeps unpublished.
/// </summary>
public static class OpenData
{
    public static void MapRegistersOpenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenData("/registers/interests.csv", async (ISender sender, CancellationToken cancellationToken) =>
            CsvFile.Result(["person", "kind", "interest", "touches", "from", "to", "declared_on", "declared_late", "action_taken"],
                (await sender.Send(new InterestsModel.Query(), cancellationToken)).Select(row => new[]
                {
                    row.PersonName, Interest.DisplayName(row.Kind), row.Description, row.Touches ?? "", Iso(row.From), Iso(row.To), Iso(row.DeclaredOn),
                    row.IsDeclaredLate ? "yes" : "no", row.Management ?? "",
                })), endpoint => endpoint.WithDataVersionValidators()).WithName("InterestsCsv").Produces<string>(contentType: CsvFile.ContentType);

        endpoints.MapOpenData("/registers/interests/feed.atom", async (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            await AtomResult(http, "interests", "Register of interests",
                (await sender.Send(new InterestsModel.Query(), cancellationToken)).Select(row => new Entry(
                    $"interest-{row.Id}",
                    $"{row.PersonName}: {Interest.DisplayName(row.Kind)} interest",
                    $"{row.Description}. {Display.Period(row.From, row.To)}. Action taken: {row.Management ?? "none recorded"}.",
                    row.DeclaredOn))), endpoint => endpoint.WithDataVersionValidators()).WithName("InterestsFeed").Produces<string>(contentType: AtomFeed.ContentType);

        endpoints.MapOpenData("/registers/gifts-and-hospitality.csv", async (ISender sender, CancellationToken cancellationToken) =>
            CsvFile.Result(["person", "kind", "description", "offered_by", "offered_by_supplier", "value_gbp", "offered_on", "accepted", "senior_approval", "declared_on", "rule", "fictional"],
                (await sender.Send(new GiftsAndHospitalityModel.Query(), cancellationToken)).Select(row => new[]
                {
                    row.PersonName, GiftsAndHospitalityRules.DisplayName(row.Kind), row.Description, row.Giver, row.GiverIsSupplier ? "yes" : "no",
                    row.Value.ToString("0.00", CultureInfo.InvariantCulture), Iso(row.OfferedOn), row.Accepted ? "yes" : "no", row.SeniorApproval ?? "",
                    Iso(row.DeclaredOn), row.Assessment.Reason, row.IsFictional ? "yes" : "no",
                })), endpoint => endpoint.WithDataVersionValidators()).WithName("GiftsAndHospitalityCsv").Produces<string>(contentType: CsvFile.ContentType);

        endpoints.MapOpenData("/registers/gifts-and-hospitality/feed.atom", async (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            await AtomResult(http, "gifts-and-hospitality", "Register of gifts and hospitality",
                (await sender.Send(new GiftsAndHospitalityModel.Query(), cancellationToken)).Select(row => new Entry(
                    $"offer-{row.Id}",
                    $"{row.PersonName}: {GiftsAndHospitalityRules.DisplayName(row.Kind).ToLowerInvariant()} from {row.Giver} ({(row.Accepted ? "accepted" : "declined")})",
                    $"{row.Description}, worth {Display.Pounds(row.Value)}, offered on {Display.Date(row.OfferedOn)}. {row.Assessment.Reason}",
                    row.DeclaredOn))), endpoint => endpoint.WithDataVersionValidators()).WithName("GiftsAndHospitalityFeed").Produces<string>(contentType: AtomFeed.ContentType);

        endpoints.MapOpenData("/registers/procurement.csv", async (ISender sender, CancellationToken cancellationToken) =>
            CsvFile.Result(["body", "service", "provider", "value_gbp", "route", "decided_on", "meeting", "published_decision", "contract_starts_on", "recommissioning_due", "interests_declared", "fictional"],
                (await sender.Send(new ProcurementModel.Query(), cancellationToken)).Select(row => new[]
                {
                    row.BodyName, row.Service, row.Provider, row.Value.ToString("0.00", CultureInfo.InvariantCulture), ProcurementDecision.DisplayName(row.Route),
                    Iso(row.DecidedOn), row.MeetingTitle ?? "", row.DecisionSequence is { } sequence ? $"/decisions/{sequence}" : "", Iso(row.ContractStartsOn),
                    Iso(row.RecommissioningDue), Interests(row), row.IsFictional ? "yes" : "no",
                })), endpoint => endpoint.WithDataVersionValidators()).WithName("ProcurementCsv").Produces<string>(contentType: CsvFile.ContentType);

        endpoints.MapOpenData("/registers/procurement/feed.atom", async (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            await AtomResult(http, "procurement", "Register of procurement decisions",
                (await sender.Send(new ProcurementModel.Query(), cancellationToken)).Select(row => new Entry(
                    $"procurement-{row.Id}",
                    $"{row.BodyName}: {row.Service}",
                    $"{ProcurementDecision.DisplayName(row.Route)}, worth {Display.Pounds(row.Value)}, awarded to {row.Provider}. Interests declared: {(row.Interests.Count == 0 ? "none" : Interests(row))}.",
                    row.DecidedOn))), endpoint => endpoint.WithDataVersionValidators()).WithName("ProcurementFeed").Produces<string>(contentType: AtomFeed.ContentType);
    }

    private sealed record Entry(string Id, string Title, string Summary, DateOnly Updated);

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Interests(ProcurementModel.Row row) =>
        string.Join("; ", row.Interests.Select(interest => $"{interest.PersonName}: {interest.Interest} ({interest.Management.DisplayName().ToLowerInvariant()})"));

    private static async Task<IResult> AtomResult(HttpContext http, string register, string title, IAsyncEnumerable<Entry> rows)
    {
        var entries = await rows.ToListAsync(http.RequestAborted);
        var address = http.RequestServices.GetRequiredService<PublicAddress>();
        var page = address.Absolute($"/registers/{register}");
        var items = entries.OrderByDescending(entry => entry.Updated).Take(50).Select(entry => new SyndicationItem(
            entry.Title,
            entry.Summary,
            new Uri($"{page}#{entry.Id}"),
            $"{page}#{entry.Id}",
            UkCalendar.StartOfDay(entry.Updated))).ToList();
        return AtomFeed.Result(AtomFeed.Write(
            $"Kent and Medway Commissioning: {title.ToLowerInvariant()}",
            $"The published {title.ToLowerInvariant()}, latest 50 entries",
            address.Absolute($"/registers/{register}/feed.atom"),
            page,
            items,
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));
    }
}
