using System.Globalization;
using System.Net;
using System.Text;
using KentMedwayCommissioning.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KentMedwayCommissioning.IntegrationTests.Security.Access;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>What a principal gets from one endpoint.</summary>
public enum Access
{
    /// <summary>
    /// Through authorization: the page or data, or for a POST the handler ran (a success redirect, or the page again
    /// with a validation or governance message; the matrix sends minimal forms, so that is the usual answer).
    /// </summary>
    Allowed,

    /// <summary>Sent to the sign-in page.</summary>
    SignIn,

    /// <summary>403, or sent to the access-denied page.</summary>
    Forbidden,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>Never expected: 400 (a valid token was sent) or a 5xx.</summary>
    Broken,
}

/// <summary>
/// Every page handler and mapped endpoint, discovered from the app, against every kind of principal. A new page,
/// handler or endpoint fails <see cref="Every_endpoint_has_a_row_in_the_matrix"/> until it has a row below.
/// </summary>
[Collection(nameof(SharedApp))]
public sealed class AuthorizationMatrixTests(TestApp app) : IAsyncLifetime
{
    /// <summary>One row per endpoint: method, route pattern and handler as discovered, an optional minimal form, and one cell per principal.</summary>
    public sealed record Row(string Method, string Pattern, string? Handler, string? Form, Access Anonymous, Access Member, Access OtherBodyMember, Access NonVotingMember, Access Secretary, Access ProgrammeOffice, Access Administrator)
    {
        public string Key => Handler is null ? $"{Method} {Pattern}" : $"{Method} {Pattern}?handler={Handler}";

        public Access For(Principal principal) => principal switch
        {
            Principal.Anonymous => Anonymous,
            Principal.Member => Member,
            Principal.OtherBodyMember => OtherBodyMember,
            Principal.NonVotingMember => NonVotingMember,
            Principal.Secretary => Secretary,
            Principal.ProgrammeOffice => ProgrammeOffice,
            Principal.Administrator => Administrator,
            _ => throw new ArgumentOutOfRangeException(nameof(principal)),
        };
    }

    private static Row Get(string pattern, Access anonymous, Access member, Access otherBodyMember, Access nonVotingMember, Access secretary, Access programmeOffice, Access administrator, string? handler = null) =>
        new("GET", pattern, handler, null, anonymous, member, otherBodyMember, nonVotingMember, secretary, programmeOffice, administrator);

    private static Row Post(string pattern, string? handler, string? form, Access anonymous, Access member, Access otherBodyMember, Access nonVotingMember, Access secretary, Access programmeOffice, Access administrator) =>
        new("POST", pattern, handler, form, anonymous, member, otherBodyMember, nonVotingMember, secretary, programmeOffice, administrator);

    private static Row Any(string pattern, Access everyone) => new("*", pattern, null, null, everyone, everyone, everyone, everyone, everyone, everyone, everyone);

    private static Row Public(string method, string pattern) => new(method, pattern, null, null, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed);

    private static Row SignedIn(string method, string pattern, string? handler = null, string? form = null) =>
        new(method, pattern, handler, form, SignIn, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed);

    /// <summary>
    /// The matrix. "The body" is Kent and Medway CCG; {id} is its in-progress demo meeting, {number} its open item,
    /// people/{slug} its GP member (the Member column); {sequence} is a decision West Kent CCG published (the secretary
    /// column is its secretary too, see <see cref="DemoAddresses"/>). Forms hold just enough to pass model
    /// binding, so the command's authorization decides; secretary and programme office commands are authorized before
    /// validation, so the allowed principals see validation messages and nothing is written.
    /// </summary>
    public static IReadOnlyList<Row> Matrix { get; } =
    [
        //                                                                        Anonymous  Member     OtherBody  NonVoting  Secretary  Programme  Admin
        Any("/{*path}",                                                           NotFound),
        Public("GET", "/"),
        Public("GET", "/accessibility"),
        // The access-denied page itself answers 403, to everyone.
        Get("/account/access-denied",                                             Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden),
        Public("GET", "/account/sign-in"),
        Public("POST", "/account/sign-in"),
        // The second step of signing in: without a password given first, the handler sends everyone back to sign in.
        Public("GET", "/account/sign-in/code"),
        Post("/account/sign-in/code", null, null,                                 SignIn,    SignIn,    SignIn,    SignIn,    SignIn,    SignIn,    SignIn),
        Post("/account/sign-in/code", "Recovery", null,                           SignIn,    SignIn,    SignIn,    SignIn,    SignIn,    SignIn,    SignIn),
        SignedIn("GET", "/account/password"),
        SignedIn("POST", "/account/password"),
        SignedIn("GET", "/account/two-factor"),
        SignedIn("POST", "/account/two-factor"),
        SignedIn("POST", "/account/two-factor", "NewRecoveryCodes"),
        Public("GET", "/account/sign-out"),
        Public("GET", "/account/set-password"),
        Public("GET", "/account/forgot-password"),
        Public("POST", "/account/forgot-password"),
        Public("POST", "/account/set-password"),
        Public("POST", "/account/sign-out"),
        Any("/api/{*path}",                                                       NotFound),
        Public("GET", "/api/v1/bodies"),
        Public("HEAD", "/api/v1/bodies"),
        Public("GET", "/api/v1/decisions"),
        Public("HEAD", "/api/v1/decisions"),
        Public("GET", "/api/v1/decisions/verify"),
        Public("HEAD", "/api/v1/decisions/verify"),
        Public("GET", "/api/v1/decisions/{sequence:long}"),
        Public("HEAD", "/api/v1/decisions/{sequence:long}"),
        Public("GET", "/api/v1/decisions/{sequence:long}/inclusion"),
        Public("HEAD", "/api/v1/decisions/{sequence:long}/inclusion"),
        Public("GET", "/api/v1/decisions/consistency"),
        Public("HEAD", "/api/v1/decisions/consistency"),
        Public("GET", "/api/v1/people/{slug}/record"),
        Public("HEAD", "/api/v1/people/{slug}/record"),
        Public("GET", "/api/v1/proposals/{slug}"),
        Public("HEAD", "/api/v1/proposals/{slug}"),
        // Administration: accounts (here the lay member's, who is none of the columns) and the audit log.
        Get("/admin/accounts",                                                    SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/admin/accounts/{id}",                                               SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/accounts/{id}", null, "Roles=Member",                        SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/accounts/{id}", "Unlock", null,                              SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/accounts/{id}", "Resend", null,                              SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/accounts/{id}", "Revoke", null,                              SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/bodies/new",                                                        SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/new", null, "Input.Name=x",                                 SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/admin/bulk-start",                                                  SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/bulk-start", "Preview", null,                                SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/bulk-start", "Confirm", "Csv=x",                             SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/admin/accounts/invite",                                             SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/admin/accounts/invite", null, "Input.Email=x",                     SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/admin/audit",                                                       SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/ballots/new",                                                       SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Allowed,   Allowed),
        Post("/ballots/new", null, "Input.Question=x",                            SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Allowed,   Allowed),
        Public("GET", "/ballots/{slug}"),
        // A public page, but only the secretary of the CCG named in the form records a practice's answer (the demo ballot asks the eight CCGs; the secretary column is West Kent's too).
        Post("/ballots/{slug}", null, "Input.BodySlug=west-kent-ccg",             Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/ballots/{slug}", "Close", null,                                    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Public("GET", "/bodies"),
        Public("GET", "/bodies/{slug}"),
        Public("GET", "/bodies/{slug}/meetings"),
        // The action log is public; a review is for the body's secretary (the command refuses anyone else).
        Public("GET", "/bodies/{slug}/actions"),
        Post("/bodies/{slug}/actions", "Review", null,                            Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/bodies/{slug}/meetings", null, null,                               Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Get("/bodies/{slug}/change",                                              SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // The page lets the body's secretary in, for its description; changing or ending the body is an administrator's command.
        Post("/bodies/{slug}/change", null, null,                                 SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/{slug}/change", "Description", null,                        SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/bodies/{slug}/change", "End", null,                                SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/bodies/{slug}/members",                                             SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/{slug}/members", null, null,                                SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/{slug}/members", "End", null,                               SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/bodies/{slug}/delegations",                                         SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/{slug}/delegations", null, null,                            SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/{slug}/delegations", "End", null,                           SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/bodies/{slug}/rule",                                                SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/bodies/{slug}/rule", null, null,                                   SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/bodies/{slug}/seats",                                               SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/bodies/{slug}/seats", null, null,                                  SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/bodies/{slug}/seats", "End", null,                                 SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        SignedIn("GET", "/dashboard"),
        Public("GET", "/decisions"),
        Public("GET", "/decisions.csv"),
        Public("HEAD", "/decisions.csv"),
        Public("GET", "/decisions/feed.atom"),
        Public("HEAD", "/decisions/feed.atom"),
        Public("GET", "/decisions/verify"),
        Public("GET", "/decisions/verify_register.py"),
        Public("HEAD", "/decisions/verify_register.py"),
        Public("GET", "/decisions/checkpoint"),
        Public("HEAD", "/decisions/checkpoint"),
        Public("GET", "/decisions/verifier-key"),
        Public("HEAD", "/decisions/verifier-key"),
        Public("GET", "/decisions/{sequence:long}"),
        // Corrections: the secretary of the decision's own body.
        Post("/decisions/{sequence:long}", null, null,                            Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/decisions/{sequence:long}", "MakePublic", null,                    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // The error page answers with the status it shows ({status} is 404 here).
        Get("/error/{status:int:range(400,599)?}",                                NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound),
        Post("/error/{status:int:range(400,599)?}", null, null,                   NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound),
        Any("/health/live",                                                       Allowed),
        Any("/health/ready",                                                      Allowed),
        Public("GET", "/Index"),
        Public("GET", "/meetings/calendar.ics"),
        Public("HEAD", "/meetings/calendar.ics"),
        Public("GET", "/meetings/{id:int}"),
        new("GET", "/meetings/{id:int}", "Quorum", null, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed),
        Post("/meetings/{id:int}", "AddItem", null,                               Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}", "Close", null,                                 Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}", "Departure", null,                             Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}", "Publish", null,                               Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}", "Roll", "Roll[0].PersonId={nurse}&Roll[0].Status=Present",
                                                                                  Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}", "Start", null,                                 Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Public("GET", "/meetings/{id:int}/items/{number:int}"),
        // The running tally is for whoever runs the meeting.
        Get("/meetings/{id:int}/items/{number:int}",                              Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed, handler: "Tally"),
        Post("/meetings/{id:int}/items/{number:int}", "Casting", null,            Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/items/{number:int}", "Close", null,              Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // Declaring for another member (the nurse member): only whoever runs the meeting. The open vote then refuses it.
        Post("/meetings/{id:int}/items/{number:int}", "Declare", "Declaration.PersonId={nurse}&Declaration.Interest=Matrix+check",
                                                                                  Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/items/{number:int}", "Open", null,               Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/items/{number:int}", "Outcome", null,            Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/items/{number:int}", "ShowOfHands", "Hands[0].PersonId={nurse}&Hands[0].Choice=For",
                                                                                  Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // Minutes are public once approved (a page that says so before); drafting and approving them is for whoever runs the meeting.
        Public("GET", "/meetings/{id:int}/minutes"),
        Post("/meetings/{id:int}/minutes", "Save", null,                          Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/minutes", "Approve", null,                       Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Get("/meetings/{id:int}/items/{number:int}/actions/new",                  SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/items/{number:int}/actions/new", null, null,     SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // Attaching a paper is for whoever runs the meeting; the demo's papers are links and text, so no document answers.
        Get("/meetings/{id:int}/items/{number:int}/papers/new",                   SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/meetings/{id:int}/items/{number:int}/papers/new", null, null,      SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Get("/meetings/{id:int}/items/{number:int}/papers/{paperId:int}",         NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound,  NotFound),
        // Anyone signed in reaches the vote; who may vote is a governance rule (see Meetings/VotingTests), answered on the page.
        SignedIn("POST", "/meetings/{id:int}/items/{number:int}", handler: "Vote"),
        Public("GET", "/open-data"),
        Public("GET", "/openapi/{documentName}.json"),
        Public("GET", "/people"),
        Public("GET", "/people/{slug}"),
        // Adding a person and changing their name or public listing: administrators only.
        Get("/people/new",                                                        SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/people/new", null, "Input.Name=x",                                 SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/people/{slug}/change",                                              SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/people/{slug}/change", "Rename", null,                             SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/people/{slug}/change", "Visibility", null,                         SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        SignedIn("GET", "/people/{slug}/interests"),
        // The register is kept by the person, the secretary of a body they sit on, or an administrator.
        Post("/people/{slug}/interests", "Add", "Input.Kind=Financial&Input.Description=Matrix+check",
                                                                                  SignIn,    Allowed,   Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // No interest 0 on the register: a keeper reaches the handler and is told so; anyone else is refused first.
        Post("/people/{slug}/interests", "End", null,                             SignIn,    NotFound,  Forbidden, Forbidden, NotFound,  Forbidden, NotFound),
        Post("/people/{slug}/interests", "Manage", null,                          SignIn,    Allowed,   Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/people/{slug}/interests", "Confirm", null,                         SignIn,    Allowed,   Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        // Gifts and hospitality: checking an offer against the rules writes nothing, so anyone signed in may; recording it is for the keepers.
        SignedIn("POST", "/people/{slug}/interests", handler: "CheckOffer"),
        Post("/people/{slug}/interests", "RecordOffer", null,                     SignIn,    Allowed,   Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Public("GET", "/posts"),
        // Adding a post and appointing to it or ending an appointment: administrators only.
        Get("/posts/new",                                                         SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/posts/new", null, "Input.Title=x",                                 SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Get("/posts/{id:int}/appointments",                                       SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/posts/{id:int}/appointments", null, null,                          SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        Post("/posts/{id:int}/appointments", "End", null,                         SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed),
        // The public registers the guidance requires, and their downloads; procurement decisions are the secretary's to record.
        Public("GET", "/registers"),
        Public("GET", "/registers/interests"),
        Public("GET", "/registers/interests.csv"),
        Public("HEAD", "/registers/interests.csv"),
        Public("GET", "/registers/interests/feed.atom"),
        Public("HEAD", "/registers/interests/feed.atom"),
        Public("GET", "/registers/gifts-and-hospitality"),
        Public("GET", "/registers/gifts-and-hospitality.csv"),
        Public("HEAD", "/registers/gifts-and-hospitality.csv"),
        Public("GET", "/registers/gifts-and-hospitality/feed.atom"),
        Public("HEAD", "/registers/gifts-and-hospitality/feed.atom"),
        Public("GET", "/registers/procurement"),
        Public("GET", "/registers/procurement.csv"),
        Public("HEAD", "/registers/procurement.csv"),
        Public("GET", "/registers/procurement/feed.atom"),
        Public("HEAD", "/registers/procurement/feed.atom"),
        Get("/registers/procurement/record",                                      SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/registers/procurement/record", null, "Input.BodySlug=kent-and-medway-ccg",
                                                                                  SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Get("/registers/procurement/{id:int}/declare",                            SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Post("/registers/procurement/{id:int}/declare", null, null,               SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Forbidden, Allowed),
        Public("GET", "/programme"),
        Get("/programme/consultations/new",                                       SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/consultations/new", null, null,                          SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Public("GET", "/programme/consultations/{slug}"),
        Post("/programme/consultations/{slug}", "Outcome", null,                  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        // Recording the programme, and changing it with a date and a reason, is for the programme office.
        Get("/programme/edit",                                                    SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/edit", null, null,                                       SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        SignedIn("GET", "/programme/contracts"),
        Post("/programme/contracts", null, null,                                  SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Public("GET", "/programme/functions"),
        Post("/programme/functions", null, null,                                  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        // Recording a merger and its approval is for the programme office.
        Get("/programme/mergers/new",                                             SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/mergers/new", null, null,                                SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Public("GET", "/programme/mergers/{slug}"),
        Post("/programme/mergers/{slug}", "Add", null,                            Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/mergers/{slug}", "Approve", null,                        Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/mergers/{slug}", "Meet", null,                           Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Get("/programme/milestones/new",                                          SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/milestones/new", null, null,                             SignIn,    Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Public("GET", "/programme/milestones/{id:int}"),
        Post("/programme/milestones/{id:int}", "Complete", null,                  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/milestones/{id:int}", "Reassign", null,                  Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Post("/programme/milestones/{id:int}", "Reforecast", null,                Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed,   Allowed),
        Public("GET", "/proposals"),
        Get("/proposals/new",                                                     SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Allowed,   Allowed),
        Post("/proposals/new", null, "Input.Title=x",                             SignIn,    Forbidden, Forbidden, Forbidden, Allowed,   Allowed,   Allowed),
        Public("GET", "/proposals/{slug}"),
    ];

    private IReadOnlyDictionary<Principal, Session> _sessions = null!;
    private DemoAddresses _demo = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _sessions = await Session.SignInAllAsync(app);
        _demo = await DemoAddresses.LoadAsync(app);
    }

    // Leaves the demo data as the next test class expects it: the matrix's accounts gone, any allowed command undone.
    public Task DisposeAsync() => app.ResetAsync();

    [Fact]
    public async Task Every_endpoint_has_a_row_in_the_matrix()
    {
        var discovered = await AppEndpoints.DiscoverAsync(app);
        var rows = Matrix.Select(row => row.Key).ToHashSet(StringComparer.Ordinal);

        var unlisted = discovered.Where(endpoint => !rows.Contains(endpoint.Key)).ToList();
        Assert.True(unlisted.Count == 0, string.Join(Environment.NewLine, unlisted.Select(endpoint =>
            $"endpoint {endpoint.Key} has no row in the matrix; add one to {nameof(AuthorizationMatrixTests)}.{nameof(Matrix)}, for example:{Environment.NewLine}    {SuggestedRow(endpoint)}")));

        var stale = rows.Except(discovered.Select(endpoint => endpoint.Key), StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, $"rows for endpoints the app no longer has: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Every_principal_gets_what_the_matrix_says_from_every_endpoint()
    {
        var mismatches = new List<string>();
        foreach (var row in Matrix)
        {
            foreach (var principal in Enum.GetValues<Principal>())
            {
                var (actual, detail) = await RequestAsync(row, _sessions[principal]);
                if (actual != row.For(principal))
                {
                    mismatches.Add($"{row.Key} as {principal}: expected {row.For(principal)}, got {actual} ({detail})");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} cells differ from the matrix:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    /// <summary>The columns mean what they say: the two accounts the test adds sit where the matrix assumes.</summary>
    [Fact]
    public async Task The_non_voting_member_sits_on_the_body_without_a_vote_and_the_other_member_elsewhere()
    {
        var seats = await app.QueryDbAsync(async db => await db.Memberships
            .Where(membership => membership.Person.FullName == Session.NonVotingPersonOfTheBody || membership.Person.FullName == Session.PersonOfOtherBody)
            .Select(membership => new { membership.Person.FullName, membership.Body.Slug, membership.HasVote })
            .ToListAsync());

        Assert.Equal([(DemoAddresses.BodySlug, false)], seats.Where(seat => seat.FullName == Session.NonVotingPersonOfTheBody).Select(seat => (seat.Slug, seat.HasVote)));
        var elsewhere = seats.Where(seat => seat.FullName == Session.PersonOfOtherBody).ToList();
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, seat => Assert.NotEqual(DemoAddresses.BodySlug, seat.Slug));
        Assert.Contains(elsewhere, seat => seat.HasVote);
    }

    [Fact]
    public void The_matrix_has_one_row_per_endpoint()
    {
        var repeated = Matrix.GroupBy(row => row.Key).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.Empty(repeated);
    }

    /// <summary>The query an endpoint needs to answer at all, beyond its route.</summary>
    private static readonly Dictionary<string, string> SampleQueries = new(StringComparer.Ordinal)
    {
        ["/api/v1/decisions/consistency"] = "?first=1&second=2",
    };

    private async Task<(Access Access, string Detail)> RequestAsync(Row row, Session session)
    {
        var url = _demo.For(row.Pattern) + (row.Handler is null ? SampleQueries.GetValueOrDefault(row.Pattern, string.Empty) : $"?handler={row.Handler}");
        using var response = await session.SendAsync(row.Method switch
        {
            "POST" => session.Post(url, FormFields(row.Form), session.FormToken),
            "*" => session.Get(url),
            _ => session.Request(new HttpMethod(row.Method), url),
        });
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var detail = location.Length == 0 ? status.ToString(CultureInfo.InvariantCulture) : $"{status} to {location}";
        return (Classify(response.StatusCode, location), detail);
    }

    public static Access Classify(HttpStatusCode status, string location) => (int)status switch
    {
        403 => Forbidden,
        404 => NotFound,
        >= 300 and < 400 when location.StartsWith("/account/sign-in", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/sign-in?", StringComparison.OrdinalIgnoreCase) => SignIn,
        >= 300 and < 400 when location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) => Forbidden,
        >= 200 and < 400 => Allowed,
        _ => Broken,
    };

    private IEnumerable<KeyValuePair<string, string>> FormFields(string? form) =>
        (form ?? string.Empty)
            .Replace("{nurse}", _demo.NurseMemberPersonId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(pair[0], WebUtility.UrlDecode(pair[1])));

    private static string SuggestedRow(AppEndpoint endpoint)
    {
        const string Cells = "SignIn, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed";
        var handler = endpoint.Handler is null ? "null" : $"\"{endpoint.Handler}\"";
        var row = endpoint.Method switch
        {
            "*" => $"Any(\"{endpoint.Pattern}\", Allowed),",
            "GET" when endpoint.Handler is null => $"Get(\"{endpoint.Pattern}\", {Cells}),",
            "GET" => $"Get(\"{endpoint.Pattern}\", {Cells}, handler: {handler}),",
            "POST" => $"Post(\"{endpoint.Pattern}\", {handler}, null, {Cells}),",
            _ => $"new(\"{endpoint.Method}\", \"{endpoint.Pattern}\", {handler}, null, {Cells}),",
        };
        return $"{row}   // Anonymous, Member, OtherBodyMember, NonVotingMember, Secretary, ProgrammeOffice, Administrator: decide each";
    }
}
