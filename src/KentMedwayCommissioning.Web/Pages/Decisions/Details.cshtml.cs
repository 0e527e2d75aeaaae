using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>One published decision, at a stable address.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = RegisterCache.Policy)]
public sealed class DetailsModel(ISender sender, KentMedwayCommissioning.Web.Infrastructure.CurrentUser user) : PageModel
{
    [BindProperty]
    public CorrectionForm Correction { get; set; } = new();

    /// <summary>The body's secretary may publish a correction; the check that counts is the command's.</summary>
    public bool CanCorrect { get; private set; }

    [BindProperty]
    public MadePublicForm MadePublic { get; set; } = new();

    /// <summary>The entry says only that an item was considered in private; its secretary may record that it may be made public.</summary>
    public bool IsPrivatePlaceholder { get; private set; }

    public sealed class MadePublicForm
    {
        public DateOnly? On { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnPostMakePublicAsync(long sequence, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(sequence, cancellationToken))
        {
            return NotFound();
        }

        // The item's own rules refuse an item that is public already; the command's authorization decides who may send it.
        if (await sender.Send(new MeetingOfItemQuery(Decision.AgendaItemId), cancellationToken) is not { } meetingId)
        {
            return NotFound();
        }

        var command = new MakeItemPublic.Command(meetingId, Decision.AgendaItemId, MadePublic.On, MadePublic.Reason);
        var (published, entry) = await sender.TrySendAsync(command, ModelState, nameof(MadePublic), cancellationToken);
        if (!published)
        {
            return Page();
        }

        TempData["Confirmation"] = $"The item's full entry is published as decision {entry}.";
        return Redirect($"/decisions/{entry}");
    }

    public sealed class CorrectionForm
    {
        public string? Outcome { get; set; }
        public string? Explanation { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(long sequence, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(sequence, cancellationToken))
        {
            return NotFound();
        }

        var command = new Correct.Command(sequence, Decision.BodySlug, Correction.Outcome, Correction.Explanation, Correction.Reason);
        var (published, correction) = await sender.TrySendAsync(command, ModelState, nameof(Correction), cancellationToken);
        if (!published)
        {
            return Page();
        }

        TempData["Confirmation"] = $"The correction is published as decision {correction}.";
        return Redirect($"/decisions/{correction}");
    }

    public PublishedDecision Decision { get; private set; } = null!;

    /// <summary>The entry that corrects this one: an entry is corrected once, and a later correction corrects that entry.</summary>
    public long? CorrectedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken cancellationToken) =>
        await ShowAsync(sequence, cancellationToken) ? Page() : NotFound();

    private async Task<bool> ShowAsync(long sequence, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new Query(sequence), cancellationToken);
        if (view is null)
        {
            return false;
        }

        (Decision, CorrectedBy) = view.Value;
        IsPrivatePlaceholder = PrivateItem.IsPlaceholder(Decision);
        CanCorrect = CorrectedBy is null && user.IsSignedIn && await sender.Send(new BodyIdQuery(Decision.BodySlug), cancellationToken) is { } bodyId && user.CanRunMeetingsOf(bodyId);
        return true;
    }

    public sealed record BodyIdQuery(string Slug) : IQuery<int?>;

    internal sealed class BodyIdHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<BodyIdQuery, int?>
    {
        public async ValueTask<int?> Handle(BodyIdQuery query, CancellationToken cancellationToken) =>
            await db.Bodies.Where(body => body.Slug == query.Slug).Select(body => (int?)body.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public sealed record MeetingOfItemQuery(int AgendaItemId) : IQuery<int?>;

    internal sealed class MeetingOfItemHandler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<MeetingOfItemQuery, int?>
    {
        public async ValueTask<int?> Handle(MeetingOfItemQuery query, CancellationToken cancellationToken) =>
            await db.AgendaItems.Where(item => item.Id == query.AgendaItemId).Select(item => (int?)item.MeetingId).SingleOrDefaultAsync(cancellationToken);
    }

    public sealed record Query(long Sequence) : IQuery<(PublishedDecision, long?)?>;

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, (PublishedDecision, long?)?>
    {
        private sealed record Shown(PublishedDecision Decision, long? CorrectedBy);

        /// <summary>
        /// The entry and the entry that corrects it in one compiled query, one round trip: a decision's page and its
        /// JSON are the register's most read uncached answers. (Publisher refuses a second correction of an entry.)
        /// </summary>
        private static readonly Func<AppDbContext, long, CancellationToken, Task<Shown?>> Find = EF.CompileAsyncQuery(
            (AppDbContext db, long sequence, CancellationToken cancellationToken) => db.PublishedDecisions.AsNoTracking()
                .Where(decision => decision.Sequence == sequence)
                .Select(decision => new Shown(
                    decision,
                    db.PublishedDecisions.Where(candidate => candidate.CorrectsSequence == decision.Sequence).Select(candidate => (long?)candidate.Sequence).FirstOrDefault()))
                .FirstOrDefault());

        public async ValueTask<(PublishedDecision, long?)?> Handle(Query query, CancellationToken cancellationToken) =>
            await Find(db, query.Sequence, cancellationToken) is { } shown ? (shown.Decision, shown.CorrectedBy) : null;
    }
}
