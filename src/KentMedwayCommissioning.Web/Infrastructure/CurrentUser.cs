using System.Globalization;
using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// Who is sending a request, read from the sign-in cookie's claims. Handlers ask this rather than trusting an id in a
/// form, so nobody can act as someone else. Tests set <see cref="Principal"/> to act as a given account.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public const string SecretaryOfClaim = "secretary_of";

    /// <summary>How the host's own command line (create-admin) identifies itself; no sign-in cookie can carry it.</summary>
    public const string CommandLineAuthentication = "command-line";

    /// <summary>The person at the server's command line, who already holds the database's keys.</summary>
    public static ClaimsPrincipal CommandLineOperator { get; } =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "command line")], CommandLineAuthentication));

    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal Principal
    {
        get => _principal ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        set => _principal = value;
    }

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public string Name => Principal.Identity?.Name ?? "(anonymous)";

    /// <summary>The account's id, or null when nobody is signed in.</summary>
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public int? PersonId =>
        int.TryParse(Principal.FindFirstValue(AppClaimsPrincipalFactory.PersonId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public bool IsCommandLineOperator => http.HttpContext is null && Principal.Identity?.AuthenticationType == CommandLineAuthentication;

    public bool IsAdministrator => Principal.IsInRole(Roles.Administrator);

    /// <summary>How public pages name a member of staff: by role, since the guidance publishes only members' and decision makers' names.</summary>
    public string StaffRole => Principal.IsInRole(Roles.ProgrammeOffice) || !IsAdministrator ? "Programme office" : "Administrator";

    public bool IsProgrammeOffice => IsAdministrator || Principal.IsInRole(Roles.ProgrammeOffice);

    /// <summary>The bodies whose meetings a board secretary runs; empty for anyone else.</summary>
    public IReadOnlyList<int> SecretaryOf =>
        Principal.IsInRole(Roles.BoardSecretary)
            ? Principal.FindAll(SecretaryOfClaim)
                .Select(claim => int.TryParse(claim.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
                .Where(id => id > 0)
                .ToList()
            : [];

    /// <summary>A board secretary runs the meetings of the bodies named in their secretary_of claims; an administrator runs any.</summary>
    public bool CanRunMeetingsOf(int bodyId) =>
        IsAdministrator
        || (Principal.IsInRole(Roles.BoardSecretary)
            && Principal.FindAll(SecretaryOfClaim).Any(claim => claim.Value == bodyId.ToString(CultureInfo.InvariantCulture)));
}
