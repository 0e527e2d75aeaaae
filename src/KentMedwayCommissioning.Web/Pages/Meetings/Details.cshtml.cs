using System.Globalization;
using System.Text.RegularExpressions;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// A meeting: its quorum (live), attendance and agenda, open to everyone; the board secretary runs it from here. The
/// commands authorize themselves, and the private part's items are shown only to the body's members and secretary.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed partial class DetailsModel(ISender sender, CurrentUser user) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public bool CanRun { get; private set; }

    public bool ShowsPrivatePart { get; private set; }

    [BindProperty]
    public NewItem Item { get; set; } = new();

    /// <summary>The roll form: one line per member.</summary>
    [BindProperty]
    public List<RollLine> Roll { get; set; } = [];

    /// <summary>Decided items not yet in the register: "Publish the decisions" is offered only while there are some.</summary>
    public bool HasDecisionsToPublish => Meeting.Status == MeetingStatus.Closed && Meeting.Items.Any(item => item.Outcome is not null && item.PublishedSequence is null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The quorum panel alone, polled by htmx so the secretary sees it change as attendance is recorded.</summary>
    public async Task<IActionResult> OnGetQuorumAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Partial("_MeetingQuorum", Meeting) : NotFound();


    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, new RunMeeting.ChangeStatus(id, RunMeeting.StatusChange.Start), "The meeting has started.", cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        var (published, count) = await sender.TrySendAsync(new Decisions.PublishMeeting.Command(id), ModelState, _ => string.Empty, cancellationToken);
        if (!published)
        {
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = count == 0 ? "Every decision of this meeting was already published." : $"{count} {(count == 1 ? "decision is" : "decisions are")} published in the register.";
        return Redirect($"/meetings/{id}");
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, new RunMeeting.ChangeStatus(id, RunMeeting.StatusChange.Close), "The meeting is closed.", cancellationToken);

    public async Task<IActionResult> OnPostRollAsync(int id, CancellationToken cancellationToken)
    {
        foreach (var line in Roll.Where(line => line.Status is null))
        {
            ModelState.AddModelError($"roll-{line.PersonId}", "Choose present, sent apologies or absent");
        }

        var command = new RunMeeting.RecordRoll(id, Roll.Select(line => new RunMeeting.RollCall(line.PersonId, line.Status ?? AttendanceStatus.Present, line.ArrivedLate)).ToList());
        return await RunAsync(id, command, "Attendance recorded.", cancellationToken, RollField);
    }

    /// <summary>The roll's field that shows a validation error of <see cref="RunMeeting.RecordRoll"/>: a member's attendance or late box.</summary>
    private string RollField(string property)
    {
        var line = RollLinePattern().Match(property);
        if (!line.Success || int.Parse(line.Groups["index"].Value, CultureInfo.InvariantCulture) is var index && index >= Roll.Count)
        {
            return string.Empty;
        }

        var personId = Roll[index].PersonId;
        return line.Groups["field"].Value == nameof(RunMeeting.RollCall.ArrivedLate) ? $"late-{personId}" : $"roll-{personId}";
    }

    [GeneratedRegex(@"^Members\[(?<index>[0-9]+)\]\.(?<field>\w+)$")]
    private static partial Regex RollLinePattern();

    public Task<IActionResult> OnPostDepartureAsync(int id, int personId, CancellationToken cancellationToken) =>
        RunAsync(id, new RunMeeting.RecordDeparture(id, personId), "Departure recorded.", cancellationToken);

    public async Task<IActionResult> OnPostAddItemAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var command = new RunMeeting.AddItem(id, Item.Title ?? "", Item.Kind ?? AgendaItemKind.ForDecision, Item.Part ?? MeetingPart.Public, Item.Question, Item.PaperTitle, Item.PaperUrl, Item.PaperText);
        var (added, number) = await sender.TrySendAsync(command, ModelState, nameof(Item), cancellationToken);
        if (!added)
        {
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = $"Item {number} added to the agenda.";
        return Redirect($"/meetings/{id}#agenda");
    }

    /// <summary>Runs one of the meeting's commands; its validation errors show at the top of the page unless <paramref name="fieldFor"/> names a field.</summary>
    private async Task<IActionResult> RunAsync<T>(int id, ICommand<T> command, string confirmation, CancellationToken cancellationToken, Func<string, string>? fieldFor = null)
    {
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, fieldFor ?? (_ => string.Empty), cancellationToken)).Succeeded;
        if (!done)
        {
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = confirmation;
        return Redirect($"/meetings/{id}");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await sender.Send(new Query(id), cancellationToken);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        CanRun = user.CanRunMeetingsOf(meeting.Roll.BodyId);
        ShowsPrivatePart = meeting.Roll.ShowsPrivatePartTo(user.PersonId, CanRun);
        return true;
    }

    public sealed class RollLine
    {
        public int PersonId { get; set; }
        public AttendanceStatus? Status { get; set; }
        public bool ArrivedLate { get; set; }
    }

    /// <summary>The add-item form; nullable so a missing field is reported by the validator, not by model binding.</summary>
    public sealed class NewItem
    {
        public string? Title { get; set; }
        public AgendaItemKind? Kind { get; set; }
        public MeetingPart? Part { get; set; }
        public string? Question { get; set; }
        public string? PaperTitle { get; set; }
        public string? PaperUrl { get; set; }
        public string? PaperText { get; set; }
    }

    public sealed record Query(int MeetingId) : IQuery<MeetingView?>;

    public sealed record MeetingView(
        int Id,
        string Title,
        DateTimeOffset StartsAt,
        string? DateAsReported,
        string Place,
        MeetingStatus Status,
        bool IsFictional,
        string? Source,
        MeetingRoll Roll,
        IReadOnlyList<ItemSummary> Items,
        IReadOnlyList<ApprovedMinutes> MinutesApproved)
    {
        public QuorumAssessment Quorum => Roll.MeetingQuorum();
    }

    /// <summary>Minutes of an earlier meeting that this meeting approved as a true record (and so published).</summary>
    public sealed record ApprovedMinutes(int MeetingId, string Title, string? DateAsReported, DateTimeOffset StartsAt);

    /// <param name="PublishedSequence">The item's current entry in the register of decisions, once published.</param>
    public sealed record ItemSummary(int Number, string Title, AgendaItemKind Kind, MeetingPart Part, VoteState VoteState, Outcome? Outcome, IReadOnlyList<int> Withdrawn, long? PublishedSequence, IReadOnlyList<PaperLink> Papers);

    /// <summary>A paper in the agenda: an uploaded document (downloaded), a link to one elsewhere, or text on the item's page.</summary>
    public sealed record PaperLink(int Id, string Title, string? Url, bool IsDocument);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MeetingView?>
    {
        public async ValueTask<MeetingView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var roll = await MeetingRoll.LoadAsync(db, query.MeetingId, cancellationToken);
            if (roll is null)
            {
                return null;
            }

            var meeting = await db.Meetings
                .AsNoTracking()
                .Where(meeting => meeting.Id == query.MeetingId)
                .Select(meeting => new
                {
                    meeting.Id,
                    meeting.Title,
                    meeting.StartsAt,
                    meeting.DateAsReported,
                    meeting.Place,
                    meeting.Status,
                    meeting.IsFictional,
                    meeting.Source,
                    Items = meeting.Items
                        .OrderBy(item => item.Number)
                        .Select(item => new ItemSummary(
                            item.Number, item.Title, item.Kind, item.Part, item.VoteState, item.Outcome,
                            item.Declarations.Select(declaration => declaration.PersonId).ToList(),
                            db.PublishedDecisions.Where(decision => decision.AgendaItemId == item.Id).Max(decision => (long?)decision.Sequence),
                            item.Papers.OrderBy(paper => paper.Id).Select(paper => new PaperLink(paper.Id, paper.Title, paper.Url, paper.FileName != null)).ToList()))
                        .ToList(),
                })
                .SingleAsync(cancellationToken);
            var approved = await (
                    from minutes in db.Minutes.AsNoTracking()
                    join minuted in db.Meetings on minutes.MeetingId equals minuted.Id
                    where minutes.ApprovedAtMeetingId == query.MeetingId
                    orderby minuted.StartsAt
                    select new ApprovedMinutes(minuted.Id, minuted.Title, minuted.DateAsReported, minuted.StartsAt))
                .ToListAsync(cancellationToken);
            return new MeetingView(meeting.Id, meeting.Title, meeting.StartsAt, meeting.DateAsReported, meeting.Place, meeting.Status, meeting.IsFictional, meeting.Source, roll, meeting.Items, approved);
        }
    }
}
