using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// Invented governing-body members so each CCG can be quorate in the demo. The papers name only the accountable
/// officers; everyone here is marked fictional in the data and on every page that shows them.
/// </summary>
public static class FictionalMembers
{
    public sealed record Seat(MemberRole Role, MemberBackground Background, bool HasVote);

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

    /// <summary>The governing-body members of one of the eight CCGs, in seat order, with stable invented names.</summary>
    public static IReadOnlyList<(string Name, Seat Seat)> For(string ccgName)
    {
        var ccgIndex = IndexOf(ccgName);
        return GoverningBodySeats
            .Select((seat, seatIndex) => (NameAt(ccgIndex * GoverningBodySeats.Count + seatIndex), seat))
            .ToList();
    }

    /// <summary>The board secretary who runs the West Kent CCG demo meetings.</summary>
    public static string WestKentBoardSecretary { get; } = NameAt(PapersData.EightCcgs.Count * GoverningBodySeats.Count);

    private static int IndexOf(string ccgName)
    {
        var index = PapersData.EightCcgs.ToList().IndexOf(ccgName);
        return index >= 0 ? index : throw new ArgumentException($"{ccgName} is not one of the eight Kent and Medway CCGs.", nameof(ccgName));
    }

    // Walks the two name lists at different strides so every number below 24 * 24 gives a different pair.
    private static string NameAt(int number) =>
        $"{GivenNames[number % GivenNames.Length]} {FamilyNames[(number / GivenNames.Length + number * 5) % FamilyNames.Length]}";
}
