using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// A meeting's minutes: to everyone once approved, with the day they were approved; while a draft, only to whoever runs
/// the body's meetings, who writes them and records their approval here (<see cref="WriteMinutes"/>).
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class MinutesModel(ISender sender, CurrentUser user) : PageModel
{
    public MinutesView Minutes { get; private set; } = null!;

    public bool CanRun { get; private set; }

    public bool ShowsPrivatePart { get; private set; }

    /// <summary>Whether this reader sees the minutes' text: everyone once published, the secretary from the first draft.</summary>
    public bool ShowsMinutes => Minutes.Status == MinutesStatus.Approved || (CanRun && Minutes.Status is not null);

    [BindProperty]
    public Dictionary<int, string?> Notes { get; set; } = [];

    [BindProperty]
    public ApprovalForm Approval { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var (saved, _) = await sender.TrySendAsync(new WriteMinutes.SaveDraft(id, Notes), ModelState, nameof(Notes), cancellationToken);
        if (!saved)
        {
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = "The draft minutes are saved. They are not published until a later meeting approves them.";
        return Redirect($"/meetings/{id}/minutes");
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        var (approved, number) = await sender.TrySendAsync(new WriteMinutes.Approve(id, Approval.AtMeetingId, Approval.Amendments), ModelState, nameof(Approval), cancellationToken);
        if (!approved)
        {
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = $"The minutes are approved and published; the approving meeting minutes it as item {number}.";
        return Redirect($"/meetings/{id}/minutes");
    }

    private async Task<bool> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var minutes = await sender.Send(new Query(id), cancellationToken);
        if (minutes is null)
        {
            return false;
        }

        Minutes = minutes;
        CanRun = user.CanRunMeetingsOf(minutes.Roll.BodyId);
        ShowsPrivatePart = minutes.Roll.ShowsPrivatePartTo(user.PersonId, CanRun);
        return true;
    }

    public sealed class ApprovalForm
    {
        public int? AtMeetingId { get; set; }
        public string? Amendments { get; set; }
    }

    public sealed record Query(int MeetingId) : IQuery<MinutesView?>;

    public sealed record MinutesView(
        int MeetingId,
        string Title,
        DateTimeOffset StartsAt,
        string? DateAsReported,
        string Place,
        MeetingStatus MeetingStatus,
        MeetingRoll Roll,
        MinutesStatus? Status,
        DateOnly? ApprovedOn,
        MeetingLink? ApprovedAt,
        string? Amendments,
        IReadOnlyList<MinutedItem> Items,
        IReadOnlyList<MeetingLink> LaterMeetingsSitting);

    public sealed record MeetingLink(int Id, string Title);

    public sealed record MinutedItem(
        int Number,
        string Title,
        AgendaItemKind Kind,
        MeetingPart Part,
        string? Question,
        string? OutcomeExplanation,
        VoteChoice? CastingVote,
        IReadOnlyList<ItemModel.DeclarationView> Declarations,
        IReadOnlyList<ItemModel.VoteView> Votes,
        string? Note);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, MinutesView?>
    {
        public async ValueTask<MinutesView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var roll = await MeetingRoll.LoadAsync(db, query.MeetingId, cancellationToken);
            if (roll is null)
            {
                return null;
            }

            var meeting = await db.Meetings.AsNoTracking().SingleAsync(candidate => candidate.Id == query.MeetingId, cancellationToken);
            var minutes = await db.Minutes.AsNoTracking().Include(candidate => candidate.Notes).SingleOrDefaultAsync(candidate => candidate.MeetingId == query.MeetingId, cancellationToken);
            var notes = minutes?.Notes.ToDictionary(note => note.AgendaItemId, note => note.Text) ?? [];
            var items = await db.AgendaItems
                .AsNoTracking()
                .Where(item => item.MeetingId == query.MeetingId)
                .OrderBy(item => item.Number)
                .Select(item => new
                {
                    item.Id,
                    item.Number,
                    item.Title,
                    item.Kind,
                    item.Part,
                    item.Question,
                    item.OutcomeExplanation,
                    item.CastingVote,
                    Declarations = item.Declarations
                        .OrderBy(declaration => declaration.DeclaredAt)
                        .Select(declaration => new ItemModel.DeclarationView(declaration.PersonId, declaration.Person!.FullName, declaration.Interest, declaration.Action, declaration.DeclaredAt))
                        .ToList(),
                    // Named votes once the vote has closed, as the item's page and the register publish them.
                    Votes = db.Votes
                        .Where(vote => vote.AgendaItemId == item.Id && item.VoteState == VoteState.Closed)
                        .OrderBy(vote => vote.Person!.FullName)
                        .Select(vote => new ItemModel.VoteView(vote.PersonId, vote.Person!.FullName, vote.Choice))
                        .ToList(),
                })
                .ToListAsync(cancellationToken);
            var approvedAt = minutes?.ApprovedAtMeetingId is { } approvedAtId
                ? await db.Meetings.Where(candidate => candidate.Id == approvedAtId).Select(candidate => new MeetingLink(candidate.Id, candidate.Title)).SingleAsync(cancellationToken)
                : null;
            var laterSitting = await db.Meetings
                .AsNoTracking()
                .Where(candidate => candidate.BodyId == meeting.BodyId && candidate.StartsAt > meeting.StartsAt && candidate.Status == MeetingStatus.InProgress)
                .OrderBy(candidate => candidate.StartsAt)
                .Select(candidate => new MeetingLink(candidate.Id, candidate.Title))
                .ToListAsync(cancellationToken);

            return new MinutesView(
                meeting.Id, meeting.Title, meeting.StartsAt, meeting.DateAsReported, meeting.Place, meeting.Status, roll,
                minutes?.Status, minutes?.ApprovedOn, approvedAt, minutes?.Amendments,
                items.Select(item => new MinutedItem(item.Number, item.Title, item.Kind, item.Part, item.Question, item.OutcomeExplanation, item.CastingVote, item.Declarations, item.Votes, notes.GetValueOrDefault(item.Id))).ToList(),
                laterSitting);
        }
    }
}
