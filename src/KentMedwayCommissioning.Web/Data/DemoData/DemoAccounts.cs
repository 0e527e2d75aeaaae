using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>Sign-in accounts for trying the product in Development. Listed in the README; never created in Production.</summary>
public static class DemoAccounts
{
    public const string Password = "Kent-Medway-demo-2018";

    /// <summary>
    /// The body the demo secretary runs and the demo members sit on, with the live demo meetings: the single CCG, the one
    /// that exists today (the eight CCGs ended on 31 March 2020 and take no new meetings or seats).
    /// </summary>
    public const string Body = PapersData.SingleCcg;

    public sealed record Account(string Email, string DisplayName, string Role, string? PersonName);

    public static Account Administrator { get; } = new("admin@kmc.example", "Demo administrator", Roles.Administrator, null);
    public static Account BoardSecretary { get; } = new("secretary@kmc.example", FictionalMembers.BoardSecretary, Roles.BoardSecretary, FictionalMembers.BoardSecretary);
    public static Account ProgrammeOffice { get; } = new("programme@kmc.example", "Demo programme office", Roles.ProgrammeOffice, null);
    public static Account GpMember { get; } = GoverningBodyMember("gp.member@kmc.example", MemberRole.GpMember);
    public static Account LayMember { get; } = GoverningBodyMember("lay.member@kmc.example", MemberRole.LayMember);
    public static Account NurseMember { get; } = GoverningBodyMember("nurse.member@kmc.example", MemberRole.Nurse);

    public static IReadOnlyList<Account> All { get; } = [Administrator, BoardSecretary, ProgrammeOffice, GpMember, LayMember, NurseMember];

    private static Account GoverningBodyMember(string email, MemberRole role)
    {
        var name = FictionalMembers.For(Body).First(member => member.Seat.Role == role).Name;
        return new Account(email, name, Roles.Member, name);
    }
}
