using KentMedwayCommissioning.Web.Domain.Registers;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// Demo entries for the registers of gifts and hospitality and of procurement decisions. The papers record none, so
/// every entry here is fictional, marked so in the data and on the pages, and says "(demo)".
/// </summary>
public static class RegistersData
{
    public sealed record Offer(string PersonName, OfferKind Kind, string Description, string Giver, bool GiverIsSupplier, decimal Value, int DaysAgo, bool Accepted, string? SeniorApproval);

    private static string Member(Domain.MemberRole role) => FictionalMembers.For(DemoAccounts.Body).First(member => member.Seat.Role == role).Name;

    /// <summary>A gift declined from a supplier, and hospitality in each band: under £25, £25 to £75, over £75.</summary>
    public static IReadOnlyList<Offer> Offers { get; } =
    [
        new(Member(Domain.MemberRole.ChiefFinanceOfficer), OfferKind.Gift, "A hamper at Christmas (demo)", "A community services provider (demo)", true, 45m, 40, false, null),
        new(Member(Domain.MemberRole.GpMember), OfferKind.Hospitality, "Sandwich lunch at a provider's briefing (demo)", "A hospital trust (demo)", false, 12m, 30, true, null),
        new(Member(Domain.MemberRole.Chair), OfferKind.Hospitality, "Dinner after the regional commissioning conference (demo)", "A regional commissioning network (demo)", false, 40m, 20, true, null),
        new(Member(Domain.MemberRole.Chair), OfferKind.Hospitality, "Tickets to a charity gala (demo)", "A health technology company (demo)", true, 120m, 10, false, null),
    ];

    /// <summary>The procurement decision for the demo community services contract, and the conflict declared in it.</summary>
    public static string ProcurementInterestPerson { get; } = Member(Domain.MemberRole.LayMember);

    public const string ProcurementInterest = "Trustee of a charity that bid for the community services contract (demo)";
}
