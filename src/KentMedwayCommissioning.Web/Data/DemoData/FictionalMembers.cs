using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// Invented governing-body members so each CCG can be quorate in the demo: the eight CCGs and the single CCG that
/// followed them. The papers name only the accountable officers; everyone here is marked fictional in the data and
/// on every page that shows them.
/// </summary>
public static class FictionalMembers
{
    public sealed record Seat(MemberRole Role, MemberBackground Background, bool HasVote);

    /// <summary>The CCGs whose governing bodies get invented members: the eight, then the single CCG (whose accountable officer the papers leave unnamed).</summary>
    public static IReadOnlyList<string> Ccgs { get; } = [.. PapersData.EightCcgs, PapersData.SingleCcg];

    /// <summary>The seats each CCG governing body gets besides its (real) accountable officer.</summary>
    public static IReadOnlyList<Seat> GoverningBodySeats { get; } =
    [
        new(MemberRole.Chair, MemberBackground.Clinical, true),
        new(MemberRole.GpMember, MemberBackground.Clinical, true),
        new(MemberRole.GpMember, MemberBackground.Clinical, true),
        new(MemberRole.LayMember, MemberBackground.Lay, true),
        new(MemberRole.LayMember, MemberBackground.Lay, true),
        new(MemberRole.Nurse, MemberBackground.Clinical, true),
        new(MemberRole.SecondaryCareDoctor, MemberBackground.Clinical, true),
        new(MemberRole.ChiefFinanceOfficer, MemberBackground.Officer, true),
        new(MemberRole.OfficerInAttendance, MemberBackground.Officer, false),
    ];

    private static readonly string[] GivenNames =
    [
        "Alder", "Briony", "Cassius", "Delphine", "Ellery", "Fenna", "Galen", "Hollis", "Isolde", "Jory", "Kestrel", "Lowen",
        "Marlow", "Nerys", "Orrin", "Perpetua", "Quill", "Rosalind", "Soren", "Tamsin", "Ulric", "Verity", "Wren", "Yestin",
    ];

    private static readonly string[] FamilyNames =
    [
        "Ashdown", "Brackenbury", "Coldharbour", "Dunstable", "Eastry", "Fairlight", "Goudhurst", "Hawkhurst", "Iwade",
        "Jessamine", "Kingsnorth", "Lenham", "Marden", "Newenden", "Oare", "Pluckley", "Queensdown", "Rolvenden",
        "Smarden", "Tenterden", "Upchurch", "Vigo", "Wye", "Yalding",
    ];

    /// <summary>The governing-body members of one of <see cref="Ccgs"/>, in seat order, with stable invented names.</summary>
    public static IReadOnlyList<(string Name, Seat Seat)> For(string ccgName)
    {
        var ccgIndex = IndexOf(ccgName);
        return GoverningBodySeats
            .Select((seat, seatIndex) => (NameAt(ccgIndex * GoverningBodySeats.Count + seatIndex), seat))
            .ToList();
    }

    /// <summary>The board secretary who runs the demo meetings of the single CCG (<see cref="DemoAccounts.Body"/>).</summary>
    public static string BoardSecretary { get; } = NameAt(Ccgs.Count * GoverningBodySeats.Count);

    private static int IndexOf(string ccgName)
    {
        var index = Ccgs.ToList().IndexOf(ccgName);
        return index >= 0 ? index : throw new ArgumentException($"{ccgName} is not one of the Kent and Medway CCGs.", nameof(ccgName));
    }

    // Walks the two name lists at different strides so every number below 24 * 24 gives a different pair.
    private static string NameAt(int number) =>
        $"{GivenNames[number % GivenNames.Length]} {FamilyNames[(number / GivenNames.Length + number * 5) % FamilyNames.Length]}";
}
