using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>Sign-in accounts for trying the product in Development. Listed in the README; never created in Production.</summary>
public static class DemoAccounts
{
    public const string Password = "Kent-Medway-demo-2018";

    public sealed record Account(string Email, string DisplayName, string Role, string? PersonName);

    public static Account Administrator { get; } = new("admin@kmc.example", "Demo administrator", Roles.Administrator, null);
    public static Account BoardSecretary { get; } = new("secretary@kmc.example", FictionalMembers.WestKentBoardSecretary, Roles.BoardSecretary, FictionalMembers.WestKentBoardSecretary);
    public static Account ProgrammeOffice { get; } = new("programme@kmc.example", "Demo programme office", Roles.ProgrammeOffice, null);
    public static Account GpMember { get; } = WestKentMember("gp.member@kmc.example", MemberRole.GpMember);
    public static Account LayMember { get; } = WestKentMember("lay.member@kmc.example", MemberRole.LayMember);
    public static Account NurseMember { get; } = WestKentMember("nurse.member@kmc.example", MemberRole.Nurse);

    public static IReadOnlyList<Account> All { get; } = [Administrator, BoardSecretary, ProgrammeOffice, GpMember, LayMember, NurseMember];

    private static Account WestKentMember(string email, MemberRole role)
    {
        var name = FictionalMembers.For(PapersData.WestKent).First(member => member.Seat.Role == role).Name;
        return new Account(email, name, Roles.Member, name);
    }
}
