using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>The secretary records an action arising from an item (<see cref="Actions"/>).</summary>
public sealed class AddActionModel(ISender sender, CurrentUser user) : PageModel
{
    public ItemHeading Item { get; private set; } = null!;

    [BindProperty]
    public ActionForm Action { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await sender.Send(new ItemHeading.Query(id, number), cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return user.CanRunMeetingsOf(item.BodyId) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await sender.Send(new ItemHeading.Query(id, number), cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        var command = new Actions.Add(id, number, Action.Description, Action.Owner, Action.DueOn);
        var added = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Action), cancellationToken)).Succeeded;
        if (!added)
        {
            return Page();
        }

        TempData["Confirmation"] = "The action is added to the action log.";
        return Redirect($"/meetings/{id}/items/{number}#actions");
    }

    public sealed class ActionForm
    {
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public DateOnly? DueOn { get; set; }
    }
}
