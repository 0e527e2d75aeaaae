using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>The secretary attaches a paper to an item: a document uploaded, or the paper written as Markdown (<see cref="Papers"/>).</summary>
public sealed class AddPaperModel(ISender sender, CurrentUser user, IOptions<PaperOptions> options) : PageModel
{
    public ItemHeading Item { get; private set; } = null!;

    public string MaxUpload => options.Value.MaxUploadText;

    [BindProperty]
    public PaperForm Paper { get; set; } = new();

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
        var file = Paper.File;
        if (file is not null && file.Length > options.Value.MaxUploadBytes)
        {
            // Refused by its length alone, before it is read into memory; the command's validator says the same.
            ModelState.AddModelError("Paper.File", $"The file must be {MaxUpload} or smaller");
            return Page();
        }

        var content = file is { Length: > 0 } ? await ReadAsync(file, cancellationToken) : null;
        var command = new Papers.Attach(id, number, Paper.Title, file?.FileName, content, Paper.Text);
        var (attached, _) = await sender.TrySendAsync(command, ModelState, nameof(Paper), cancellationToken);
        if (!attached)
        {
            return Page();
        }

        TempData["Confirmation"] = "The paper is attached.";
        return Redirect($"/meetings/{id}/items/{number}#papers");
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public sealed class PaperForm
    {
        public string? Title { get; set; }
        public IFormFile? File { get; set; }
        public string? Text { get; set; }
    }
}
