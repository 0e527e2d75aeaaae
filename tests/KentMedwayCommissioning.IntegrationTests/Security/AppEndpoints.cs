using System.Globalization;
using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>
/// One thing the app answers: a page handler (GET or POST, with its ?handler= name) or an endpoint mapped in code.
/// <see cref="Method"/> is "*" for an endpoint that answers any method (health checks, the 404 fallback).
/// </summary>
public sealed record AppEndpoint(string Method, string Pattern, string? Handler, bool IsPage)
{
    public string Key => Handler is null ? $"{Method} {Pattern}" : $"{Method} {Pattern}?handler={Handler}";

    public override string ToString() => Key;
}

/// <summary>Reads every page handler and mapped endpoint from the app's own endpoint data source.</summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlyList<AppEndpoint>> DiscoverAsync(TestApp app)
    {
        var services = app.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<AppEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = PatternOf(endpoint.RoutePattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // The compiled page knows its model's OnGet*/OnPost* handlers.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                found.AddRange(compiled.HandlerMethods.Select(handler => new AppEndpoint(handler.HttpMethod.ToUpperInvariant(), pattern, handler.Name, IsPage: true)));
                if (compiled.HandlerMethods.Count == 0)
                {
                    found.Add(new AppEndpoint("GET", pattern, null, IsPage: true));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                found.AddRange(methods is { Count: > 0 } ? methods.Select(method => new AppEndpoint(method, pattern, null, IsPage: false)) : [new AppEndpoint("*", pattern, null, IsPage: false)]);
            }
        }

        return found.DistinctBy(endpoint => endpoint.Key).OrderBy(endpoint => endpoint.Pattern, StringComparer.Ordinal).ThenBy(endpoint => endpoint.Key, StringComparer.Ordinal).ToList();
    }

    public static string PatternOf(RoutePattern pattern) => "/" + (pattern.RawText ?? string.Empty).TrimStart('/');
}

/// <summary>
/// Addresses filled from the demo data of "the body", Kent and Medway CCG (the demo secretary's): its demo meetings
/// (in progress, planned, and the previous one, closed), a member's register of interests; a decision published by
/// West Kent CCG (the single CCG has published none, so the tests make the demo secretary West Kent's secretary too,
/// see <see cref="Session.SignInAllAsync"/>); and, for requests that reach across, another body's.
/// </summary>
public sealed record DemoAddresses(
    int MeetingInProgress,
    int PlannedMeeting,
    long PapersBodyDecision,
    string MemberSlug,
    int NurseMemberPersonId,
    string ProposalSlug,
    string BallotSlug,
    string MergerSlug,
    string ConsultationSlug,
    /// <summary>A milestone not yet done, so its forms show.</summary>
    int MilestoneId,
    int OtherBodyClosedMeeting,
    long OtherBodyDecision,
    int OtherBodyPersonId,
    string OtherBodyPersonSlug,
    /// <summary>The body's previous demo meeting, closed.</summary>
    int ClosedMeeting,
    /// <summary>The lay member's account: an account to administer that none of the matrix's principals signs in with.</summary>
    string AccountId,
    /// <summary>The body's demo procurement decision.</summary>
    int ProcurementDecisionId,
    /// <summary>A post of West Kent CCG's, with a holder, so its appointments page shows every form (the single CCG's posts are vacant).</summary>
    int PostId)
{
    public const string BodySlug = "kent-and-medway-ccg";

    /// <summary>West Kent CCG, which ended in 2020: its published decision and its post come from the papers.</summary>
    public const string PapersBodySlug = "west-kent-ccg";

    public static async Task<DemoAddresses> LoadAsync(TestApp app) => await app.QueryDbAsync(async db =>
    {
        var body = await db.Bodies.Where(candidate => candidate.Slug == BodySlug).Select(candidate => candidate.Id).SingleAsync();
        async Task<int> Meeting(string title) => await db.Meetings.Where(meeting => meeting.BodyId == body && meeting.Title == title).Select(meeting => meeting.Id).SingleAsync();
        async Task<int> PersonId(string name) => await db.People.Where(person => person.FullName == name).Select(person => person.Id).SingleAsync();
        var otherBodyDecision = await db.PublishedDecisions.Where(decision => decision.BodySlug != BodySlug && decision.BodySlug != PapersBodySlug && decision.CorrectsSequence == null).OrderBy(decision => decision.Sequence).FirstAsync();
        return new DemoAddresses(
            await Meeting(DecisionsData.DemoMeetingInProgress),
            await Meeting(DecisionsData.DemoPlannedMeeting),
            await db.PublishedDecisions.Where(decision => decision.BodySlug == PapersBodySlug).OrderBy(decision => decision.Sequence).Select(decision => decision.Sequence).FirstAsync(),
            await db.People.Where(person => person.FullName == DemoAccounts.GpMember.PersonName).Select(person => person.Slug).SingleAsync(),
            await PersonId(DemoAccounts.NurseMember.PersonName!),
            await db.Proposals.OrderBy(proposal => proposal.Id).Select(proposal => proposal.Slug).FirstAsync(),
            await db.PracticeBallots.OrderBy(ballot => ballot.Id).Select(ballot => ballot.Slug).FirstAsync(),
            await db.Mergers.OrderBy(merger => merger.Id).Select(merger => merger.Slug).FirstAsync(),
            await db.Consultations.OrderBy(consultation => consultation.Id).Select(consultation => consultation.Slug).FirstAsync(),
            await db.Milestones.Where(milestone => !milestone.IsDone).OrderBy(milestone => milestone.Id).Select(milestone => milestone.Id).FirstAsync(),
            await db.Meetings.Where(meeting => meeting.Body!.Slug == otherBodyDecision.BodySlug && meeting.Items.Any(item => item.Id == otherBodyDecision.AgendaItemId)).Select(meeting => meeting.Id).SingleAsync(),
            otherBodyDecision.Sequence,
            await PersonId(Session.PersonOfOtherBody),
            await db.People.Where(person => person.FullName == Session.PersonOfOtherBody).Select(person => person.Slug).SingleAsync(),
            await Meeting(DecisionsData.DemoPreviousMeeting),
            await db.Users.Where(user => user.Email == DemoAccounts.LayMember.Email).Select(user => user.Id).SingleAsync(),
            await db.ProcurementDecisions.Where(decision => decision.BodyId == body).OrderBy(decision => decision.Id).Select(decision => decision.Id).FirstAsync(),
            await db.Posts.Where(post => post.Body.Slug == PapersBodySlug && post.Appointments.Any()).OrderBy(post => post.Id).Select(post => post.Id).FirstAsync());
    });

    /// <summary>A real address for a route pattern: each parameter is filled by its name and the literal segment before it.</summary>
    public string For(string pattern)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var segments = new List<string>();
        string? previous = null;
        foreach (var segment in parsed.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => Value(parameter.Name, previous),
                RoutePatternSeparatorPart separator => separator.Content,
                _ => throw new InvalidOperationException($"Unexpected part in {pattern}"),
            }));
            previous = segment.Parts[0] is RoutePatternLiteralPart first ? first.Content : previous;
            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private string Value(string parameter, string? after) => (parameter, after) switch
    {
        ("slug", "bodies") => BodySlug,
        ("slug", "people") => MemberSlug,
        ("slug", "proposals") => ProposalSlug,
        ("slug", "ballots") => BallotSlug,
        ("slug", "mergers") => MergerSlug,
        ("slug", "consultations") => ConsultationSlug,
        ("id", "meetings") => Invariant(MeetingInProgress),
        ("number", "items") => "1",
        ("paperId", "papers") => "1",
        ("id", "milestones") => Invariant(MilestoneId),
        ("sequence", "decisions") => Invariant(PapersBodyDecision),
        ("id", "accounts") => AccountId,
        ("id", "procurement") => Invariant(ProcurementDecisionId),
        ("id", "posts") => Invariant(PostId),
        ("status", "error") => "404",
        ("documentName", "openapi") => "v1",
        ("path", _) => "no-such-address",
        _ => throw new InvalidOperationException($"No demo value for route parameter {{{parameter}}} after '{after}': add one in {nameof(DemoAddresses)}.{nameof(Value)}."),
    };

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
