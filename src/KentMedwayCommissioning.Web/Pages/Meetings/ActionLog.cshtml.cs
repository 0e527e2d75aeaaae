using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// A body's action log, open to everyone for the items of its meetings' public part (whoever runs its meetings sees the
/// private part's too); overdue actions are marked, and the secretary records each review here.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ActionLogModel(ISender sender, CurrentUser user) : PageModel
{
    public BodyHeading Body { get; private set; } = null!;

    public IReadOnlyList<Actions.ActionView> Log { get; private set; } = [];

    public bool CanRun { get; private set; }

    [BindProperty]
    public ReviewForm Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(string slug, CancellationToken cancellationToken)
    {
        var command = new Actions.Review(slug, Review.ActionId ?? 0, Review.Status, Review.NewDueOn, Review.Note);
        var reviewed = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Review), cancellationToken)).Succeeded;
        if (!reviewed)
        {
            return await ShowAsync(slug, cancellationToken) ? Page() : NotFound();
        }

        TempData["Confirmation"] = "The review of the action is recorded.";
        return Redirect($"/bodies/{slug}/actions");
    }

    private async Task<bool> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        if (await sender.Send(new Query(slug), cancellationToken) is not { } body)
        {
            return false;
        }

        Body = body;
        CanRun = user.CanRunMeetingsOf(body.Id);
        // The private part's actions only to whoever runs the meetings, never to the public.
        Log = await sender.Send(new Actions.LogQuery(body.Id, CanRun), cancellationToken);
        return true;
    }

    public sealed class ReviewForm
    {
        public int? ActionId { get; set; }
        public ActionStatus? Status { get; set; }
        public DateOnly? NewDueOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<BodyHeading?>;

    public sealed record BodyHeading(int Id, string Name, string Slug);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, BodyHeading?>
    {
        public async ValueTask<BodyHeading?> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Bodies.AsNoTracking().Where(body => body.Slug == query.Slug).Select(body => new BodyHeading(body.Id, body.Name, body.Slug)).SingleOrDefaultAsync(cancellationToken);
    }
}
