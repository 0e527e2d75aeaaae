using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Admin;

/// <summary>
/// Bulk start: an administrator uploads a CSV of people and their seats, sees every row it would add or refuse and
/// why, and only then confirms. Nothing is written by the preview; confirming applies the plan in one transaction.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
[RequestSizeLimit(MaxFileBytes * 2)]
public sealed class BulkStartModel(ISender sender) : PageModel
{
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The file's text, carried from the preview to the confirmation in the form.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    public BulkPlan? Plan { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a CSV file to upload");
            return Page();
        }

        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", "The file must be 1 MB or smaller");
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream());
        Csv = await reader.ReadToEndAsync(cancellationToken);
        if (Csv.Contains('\0', StringComparison.Ordinal))
        {
            ModelState.AddModelError("file", "The file must be a CSV (plain text), not a spreadsheet or other document");
            Csv = null;
            return Page();
        }

        Plan = await sender.Send(new PreviewQuery(Csv), cancellationToken);
        if (Plan.FileProblem is not null)
        {
            ModelState.AddModelError("file", Plan.FileProblem);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var (applied, result) = await sender.TrySendAsync(new Apply(Csv ?? string.Empty), ModelState, string.Empty, cancellationToken);
        if (!applied)
        {
            Plan = await sender.Send(new PreviewQuery(Csv ?? string.Empty), cancellationToken);
            return Page();
        }

        TempData["Confirmation"] = $"Added {result!.Seats} {(result.Seats == 1 ? "seat" : "seats")} and {result.People} new {(result.People == 1 ? "person" : "people")}; {result.AlreadyThere} {(result.AlreadyThere == 1 ? "row was" : "rows were")} already there.";
        return Redirect("/admin/bulk-start");
    }

    public sealed record PreviewQuery(string Csv) : IQuery<BulkPlan>;

    public sealed record Apply(string Csv) : ICommand<Applied>, IAdministratorCommand;

    public sealed record Applied(int Seats, int People, int AlreadyThere);

    public sealed class ApplyValidator : AbstractValidator<Apply>
    {
        public ApplyValidator()
        {
            RuleFor(command => command.Csv)
                .NotEmpty().WithMessage("Upload the file again: there is nothing to confirm")
                .MaximumLength(MaxFileBytes).WithMessage("The file must be 1 MB or smaller");
        }
    }

    internal sealed class PreviewHandler(AppDbContext db) : IQueryHandler<PreviewQuery, BulkPlan>
    {
        public async ValueTask<BulkPlan> Handle(PreviewQuery query, CancellationToken cancellationToken) =>
            await BulkStartPlanner.PlanAsync(db, query.Csv, cancellationToken);
    }

    internal sealed class ApplyHandler(AppDbContext db) : ICommandHandler<Apply, Applied>
    {
        public async ValueTask<Applied> Handle(Apply command, CancellationToken cancellationToken)
        {
            // Every body's row locked first, as adding one seat does, so the plan still holds when it is written.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM bodies ORDER BY id FOR UPDATE", cancellationToken);
            var plan = await BulkStartPlanner.PlanAsync(db, command.Csv, cancellationToken);
            if (plan.FileProblem is not null || plan.Refused > 0)
            {
                throw new GovernanceException(plan.FileProblem ?? $"{plan.Refused} {(plan.Refused == 1 ? "row is" : "rows are")} refused: correct the file and upload it again. Nothing was added.");
            }

            if (plan.ToAdd == 0)
            {
                throw new GovernanceException("Every seat in the file is already there. Nothing was added.");
            }

            var toAdd = plan.Rows.Where(row => row.Action is RowAction.AddSeat or RowAction.AddPersonAndSeat).ToList();
            var slugs = toAdd.Select(row => row.Body).Distinct().ToList();
            var bodies = await db.Bodies.Where(body => slugs.Contains(body.Slug)).ToDictionaryAsync(body => body.Slug, cancellationToken);
            var personSlugs = toAdd.Select(row => Slug.From(row.Person)).Distinct().ToList();
            var people = await db.People.Where(person => personSlugs.Contains(person.Slug)).ToDictionaryAsync(person => person.Slug, cancellationToken);
            var added = 0;
            foreach (var row in toAdd)
            {
                if (!people.TryGetValue(Slug.From(row.Person), out var person))
                {
                    person = new Person(row.Person);
                    db.People.Add(person);
                    people[person.Slug] = person;
                    added++;
                }

                db.Memberships.Add(new Membership(bodies[row.Body], person, row.Seat!.Value, row.Category!.Value, row.HasVote, row.From, row.To));
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Applied(toAdd.Count, added, plan.Rows.Count(row => row.Action == RowAction.AlreadyThere));
        }
    }
}
