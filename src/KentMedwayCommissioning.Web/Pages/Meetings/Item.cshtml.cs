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
/// One agenda item: members declare interests and vote here; the board secretary opens and closes the vote and sees
/// the tally change as votes arrive. The rules live in Domain/Meetings; the writes in CastVote, RunVote and DeclareInterest.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ItemModel(ISender sender, CurrentUser user) : PageModel
{
    public ItemView Item { get; private set; } = null!;

    public bool CanRun { get; private set; }

    /// <summary>Why the signed-in user cannot vote on this item now, or null when they can.</summary>
    public string? WhyNotEligible { get; private set; }

    public VoteChoice? MyVote { get; private set; }

    public IReadOnlyList<Actions.ActionView> ItemActions { get; private set; } = [];

    public int? MyPersonId => user.PersonId;

    // The page's forms are bound by the handlers that read them, not as [BindProperty]: every POST would bind and
    // validate all three, a member's vote included, the busiest request of a meeting.
    public DeclarationForm Declaration { get; private set; } = new();

    public OutcomeForm Recorded { get; private set; } = new();

    /// <summary>The show-of-hands form: one line per eligible member, left empty for those whose vote stands.</summary>
    public List<HandLine> Hands { get; private set; } = [];

    /// <summary>Set when the secretary asked to close a vote that fewer than half the eligible members have voted on.</summary>
    public Turnout? CloseNeedsConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken) =>
        await ShowAsync(id, number, cancellationToken) ? Page() : NotFound();

    /// <summary>The tally alone, polled by htmx while the vote is open.</summary>
    public async Task<IActionResult> OnGetTallyAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(id, number, cancellationToken))
        {
            return NotFound();
        }

        // The running tally is for the secretary; members see the named votes once the vote closes.
        return CanRun ? Partial("_Tally", this) : Forbid();
    }

    /// <remarks>
    /// The busiest moment of a meeting: every member votes at once. A counted vote needs only the item's id and a
    /// redirect, so the whole page (tally, named votes, history) is built only to show why a vote was refused.
    /// </remarks>
    public async Task<IActionResult> OnPostVoteAsync(int id, int number, VoteChoice? choice, CancellationToken cancellationToken)
    {
        // The page is public, but only a signed-in member votes: a visitor is asked to sign in.
        if (!user.IsSignedIn)
        {
            return Challenge();
        }

        if (choice is null)
        {
            ModelState.AddModelError("choice", "Choose For, Against or Abstain");
            return await ShowAsync(id, number, cancellationToken) ? Page() : NotFound();
        }

        var (counted, result) = await sender.TrySendAsync(new CastVote.Command(id, number, choice.Value), ModelState, "Vote", cancellationToken);
        if (!counted)
        {
            return await ShowAsync(id, number, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = Confirmation(result!);
        return Redirect($"/meetings/{id}/items/{number}");
    }

    /// <summary>Names the choice as the form's option reads: "Your vote (Abstain) is recorded."</summary>
    public static string Confirmation(CastVote.Result result) => result.WasChange
        ? $"Your vote is changed to {result.Choice.DisplayName()}."
        : $"Your vote ({result.Choice.DisplayName()}) is recorded.";

    public async Task<IActionResult> OnPostDeclareAsync(int id, int number, [FromForm(Name = nameof(Declaration))] DeclarationForm declaration, CancellationToken cancellationToken)
    {
        Declaration = declaration;
        if (!await ShowAsync(id, number, cancellationToken))
        {
            return NotFound();
        }

        var command = new DeclareInterest.Command(Item.Id, Declaration.PersonId, Declaration.Interest ?? "", Declaration.Action ?? DeclarationAction.WithdrewFromDiscussionAndVote);
        return await RunAsync(id, number, command, nameof(Declaration), "The interest has been declared and recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostOpenAsync(int id, int number, CancellationToken cancellationToken) =>
        RunAsync(id, number, new RunVote.Command(id, number, RunVote.Action.Open), "Command", "The vote is open.", cancellationToken);

    /// <remarks>
    /// Closing with fewer than half the eligible members voted is allowed once confirmed: the page asks first, saying how
    /// many have not voted, so members in the room without a device are not left out by mistake.
    /// </remarks>
    public async Task<IActionResult> OnPostCloseAsync(int id, int number, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed && ModelState.IsValid)
        {
            if (!await ShowAsync(id, number, cancellationToken))
            {
                return NotFound();
            }

            if (CanRun && Item.VoteState == VoteState.Open && Item.Turnout is { NeedsConfirmationToClose: true } turnout)
            {
                CloseNeedsConfirmation = turnout;
                return Page();
            }
        }

        return await RunAsync(id, number, new RunVote.Command(id, number, RunVote.Action.Close), "Command", "The vote is closed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostShowOfHandsAsync(int id, int number, [FromForm(Name = nameof(Hands))] List<HandLine> hands, CancellationToken cancellationToken)
    {
        Hands = hands;
        // Lines left as they are send no vote; a line the form could not read refuses the whole show of hands.
        var votes = Hands.Where(line => line.Choice is not null).Select(line => new RunVote.HandVote(line.PersonId, line.Choice!.Value)).ToList();
        var (recorded, count) = ModelState.IsValid
            ? await sender.TrySendAsync(new RunVote.ShowOfHandsCommand(id, number, votes), ModelState, nameof(Hands), cancellationToken)
            : default;
        if (!recorded)
        {
            return await ShowAsync(id, number, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = count switch
        {
            0 => "Those votes were already recorded.",
            1 => "1 vote from the show of hands is recorded.",
            _ => $"{count} votes from the show of hands are recorded.",
        };
        return Redirect($"/meetings/{id}/items/{number}");
    }

    public Task<IActionResult> OnPostCastingAsync(int id, int number, VoteChoice? choice, CancellationToken cancellationToken) =>
        RunAsync(id, number, new RunVote.CastingVoteCommand(id, number, choice), "Command", "The chair's casting vote is recorded.", cancellationToken);

    public Task<IActionResult> OnPostOutcomeAsync(int id, int number, [FromForm(Name = nameof(Recorded))] OutcomeForm recorded, CancellationToken cancellationToken)
    {
        Recorded = recorded;
        return RunAsync(id, number, new RunVote.RecordOutcomeCommand(id, number, Recorded.Outcome, Recorded.Reason ?? ""), nameof(Recorded), "The outcome is recorded.", cancellationToken);
    }

    private async Task<IActionResult> RunAsync<T>(int id, int number, ICommand<T> command, string prefix, string confirmation, CancellationToken cancellationToken)
    {
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, prefix, cancellationToken)).Succeeded;
        if (!done)
        {
            return await ShowAsync(id, number, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = confirmation;
        return Redirect($"/meetings/{id}/items/{number}");
    }

    private async Task<bool> ShowAsync(int id, int number, CancellationToken cancellationToken)
    {
        var item = await sender.Send(new Query(id, number), cancellationToken);
        if (item is null)
        {
            return false;
        }

        CanRun = user.CanRunMeetingsOf(item.Roll.BodyId);
        if (item.Part == MeetingPart.Private && !item.Roll.ShowsPrivatePartTo(user.PersonId, CanRun))
        {
            // To the public a private item does not exist: its title, papers, declarations and votes stay confidential.
            return false;
        }

        Item = item;
        var withdrawn = item.Declarations.Select(declaration => declaration.PersonId).ToList();
        WhyNotEligible = item.Roll.WhyNotEligible(user.PersonId, withdrawn);
        MyVote = item.Votes.FirstOrDefault(vote => vote.PersonId == user.PersonId)?.Choice;
        ItemActions = await sender.Send(new Actions.ItemQuery(id, number), cancellationToken);
        return true;
    }

    public sealed class DeclarationForm
    {
        /// <summary>Set only when the secretary records a declaration for another member.</summary>
        public int? PersonId { get; set; }
        public string? Interest { get; set; }
        public DeclarationAction? Action { get; set; }
    }

    public sealed class HandLine
    {
        public int PersonId { get; set; }
        public VoteChoice? Choice { get; set; }
    }

    public sealed class OutcomeForm
    {
        public Outcome? Outcome { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(int MeetingId, int Number) : IQuery<ItemView?>;

    public sealed record ItemView(
        int Id,
        int MeetingId,
        string MeetingTitle,
        MeetingStatus MeetingStatus,
        int Number,
        string Title,
        AgendaItemKind Kind,
        MeetingPart Part,
        string? Question,
        VoteState VoteState,
        Outcome? Outcome,
        string? OutcomeExplanation,
        int? VotesFor,
        int? VotesAgainst,
        int? Abstentions,
        VoteChoice? CastingVote,
        string? CastingVoteBy,
        long? PublishedSequence,
        IReadOnlyList<PaperView> Papers,
        IReadOnlyList<DeclarationView> Declarations,
        IReadOnlyList<VoteView> Votes,
        IReadOnlyList<VoteEventView> History,
        MeetingRoll Roll)
    {
        public QuorumAssessment Quorum => Roll.ItemQuorum(Declarations.Select(declaration => declaration.PersonId).ToList());

        public Tally LiveTally => Tally.Of(Votes.Select(vote => vote.Choice));

        public IReadOnlyList<int> Withdrawn => Declarations.Select(declaration => declaration.PersonId).ToList();

        public IReadOnlyList<RollMember> EligibleVoters => Roll.EligibleVoters(Withdrawn);

        public Turnout Turnout => Roll.Turnout(Withdrawn, Votes.Select(vote => vote.PersonId).ToList());

        public bool AwaitsCastingVote => VoteState == VoteState.Closed && Outcome is null;
    }

    public sealed record PaperView(int Id, string Title, string? Url, string? Text, string? FileName, string? ContentType, int? Size)
    {
        public string? Format => PaperFormat.All.FirstOrDefault(format => format.ContentType == ContentType)?.Name;
    }

    public sealed record DeclarationView(int PersonId, string Name, string Interest, DeclarationAction Action, DateTimeOffset DeclaredAt);

    public sealed record VoteView(int PersonId, string Name, VoteChoice Choice);

    public sealed record VoteEventView(string Name, VoteChoice Choice, VoteEventKind Kind, DateTimeOffset At, string RecordedBy, bool ByShowOfHands, string? Reason);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ItemView?>
    {
        public async ValueTask<ItemView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var item = await db.AgendaItems
                .AsNoTracking()
                .Where(item => item.MeetingId == query.MeetingId && item.Number == query.Number)
                .Select(item => new
                {
                    item.Id,
                    item.MeetingId,
                    MeetingTitle = item.Meeting.Title,
                    MeetingStatus = item.Meeting.Status,
                    item.Number,
                    item.Title,
                    item.Kind,
                    item.Part,
                    item.Question,
                    item.VoteState,
                    item.Outcome,
                    item.OutcomeExplanation,
                    item.VotesFor,
                    item.VotesAgainst,
                    item.Abstentions,
                    item.CastingVote,
                    CastingVoteBy = db.People.Where(person => person.Id == item.CastingVoteByPersonId).Select(person => person.FullName).FirstOrDefault(),
                    PublishedSequence = db.PublishedDecisions.Where(decision => decision.AgendaItemId == item.Id).Max(decision => (long?)decision.Sequence),
                    Papers = item.Papers.OrderBy(paper => paper.Id).Select(paper => new PaperView(paper.Id, paper.Title, paper.Url, paper.Text, paper.FileName, paper.ContentType, paper.Size)).ToList(),
                    Declarations = item.Declarations
                        .OrderBy(declaration => declaration.DeclaredAt)
                        .Select(declaration => new DeclarationView(declaration.PersonId, declaration.Person!.FullName, declaration.Interest, declaration.Action, declaration.DeclaredAt))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (item is null)
            {
                return null;
            }

            var votes = await db.Votes
                .AsNoTracking()
                .Where(vote => vote.AgendaItemId == item.Id)
                .OrderBy(vote => vote.Person!.FullName)
                .Select(vote => new VoteView(vote.PersonId, vote.Person!.FullName, vote.Choice))
                .ToListAsync(cancellationToken);
            var history = await db.VoteEvents
                .AsNoTracking()
                .Where(voteEvent => voteEvent.AgendaItemId == item.Id)
                .OrderBy(voteEvent => voteEvent.Id)
                .Select(voteEvent => new VoteEventView(voteEvent.Person!.FullName, voteEvent.Choice, voteEvent.Kind, voteEvent.At, voteEvent.RecordedBy, voteEvent.ByShowOfHands, voteEvent.Reason))
                .ToListAsync(cancellationToken);
            var roll = await MeetingRoll.LoadAsync(db, item.MeetingId, cancellationToken);

            return new ItemView(
                item.Id, item.MeetingId, item.MeetingTitle, item.MeetingStatus, item.Number, item.Title, item.Kind, item.Part, item.Question,
                item.VoteState, item.Outcome, item.OutcomeExplanation, item.VotesFor, item.VotesAgainst, item.Abstentions, item.CastingVote,
                item.CastingVoteBy, item.PublishedSequence, item.Papers, item.Declarations, votes, history, roll!);
        }
    }
}
