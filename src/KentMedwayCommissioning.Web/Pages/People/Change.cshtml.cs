using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.People;

/// <summary>
/// An administrator changes a person's name, or whether they are listed in public, each with the day it took effect
/// and a reason kept in the person's history. Nothing already published changes: a published decision keeps the name
/// it was published with, and the register keeps what it published about someone no longer listed.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class ChangeModel(ISender sender, TimeProvider clock) : PageModel
{
    public CurrentRecord Person { get; private set; } = null!;

    public DateOnly Today => UkCalendar.Today(clock);

    [BindProperty]
    public RenameForm Renaming { get; set; } = new();

    [BindProperty]
    public VisibilityForm Visibility { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRenameAsync(string slug, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (renamed, _) = await sender.TrySendAsync(new Rename(slug, Renaming.NewName ?? "", Renaming.EffectiveOn, Renaming.Reason ?? ""), ModelState, nameof(Renaming), cancellationToken);
        if (!renamed)
        {
            return Page();
        }

        TempData["Confirmation"] = "The new name has been recorded.";
        return Redirect($"/people/{slug}");
    }

    public async Task<IActionResult> OnPostVisibilityAsync(string slug, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (changed, _) = await sender.TrySendAsync(new ChangeVisibility(slug, Visibility.IsPublic, Visibility.EffectiveOn, Visibility.Reason ?? ""), ModelState, nameof(Visibility), cancellationToken);
        if (!changed)
        {
            return Page();
        }

        TempData["Confirmation"] = Visibility.IsPublic == true ? "The person is now listed in public." : "The person is no longer listed in public.";
        return Redirect($"/people/{slug}");
    }

    private async Task<IActionResult?> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        if (await sender.Send(new Query(slug), cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        return null;
    }

    public sealed class RenameForm
    {
        public string? NewName { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class VisibilityForm
    {
        public bool? IsPublic { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<CurrentRecord?>;

    public sealed record CurrentRecord(string FullName, string Slug, bool IsPublic);

    public sealed record Rename(string Slug, string NewName, DateOnly? EffectiveOn, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed record ChangeVisibility(string Slug, bool? IsPublic, DateOnly? EffectiveOn, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator()
        {
            RuleFor(command => command.NewName).PersonName();
            RuleFor(command => command.EffectiveOn).NotNull().WithMessage("Enter the day the new name took effect");
            RuleFor(command => command.Reason).ChangeReason();
        }
    }

    public sealed class ChangeVisibilityValidator : AbstractValidator<ChangeVisibility>
    {
        public ChangeVisibilityValidator()
        {
            RuleFor(command => command.IsPublic).NotNull().WithMessage("Choose whether the person is listed in public");
            RuleFor(command => command.EffectiveOn).NotNull().WithMessage("Enter the day the change took effect");
            RuleFor(command => command.Reason).ChangeReason();
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, CurrentRecord?>
    {
        public async ValueTask<CurrentRecord?> Handle(Query query, CancellationToken cancellationToken) =>
            await db.People.AsNoTracking()
                .Where(person => person.Slug == query.Slug)
                .Select(person => new CurrentRecord(person.FullName, person.Slug, person.IsPublic))
                .SingleOrDefaultAsync(cancellationToken);
    }

    internal sealed class RenameHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<Rename, Unit>
    {
        public async ValueTask<Unit> Handle(Rename command, CancellationToken cancellationToken)
        {
            var person = await LockedAsync(db, command.Slug, cancellationToken);
            var newName = command.NewName.Trim();
            if (newName == person.FullName)
            {
                throw Refused(nameof(Rename.NewName), $"{person.FullName} is already the person's name");
            }

            await RefuseIfOutOfOrderAsync(db, person, command.EffectiveOn!.Value, UkCalendar.Today(clock), nameof(Rename.EffectiveOn), cancellationToken);
            db.PersonChanges.Add(new PersonChange(person, $"Name changed to {newName}", person.FullName, command.EffectiveOn.Value, command.Reason.Trim(), clock.GetUtcNow()));

            // An account linked to the person is shown by their name: it follows the new one, unless it was given another.
            var formerName = person.FullName;
            foreach (var account in await db.Users.Where(account => account.PersonId == person.Id && account.DisplayName == formerName).ToListAsync(cancellationToken))
            {
                account.DisplayName = newName;
            }

            person.Rename(newName);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class ChangeVisibilityHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<ChangeVisibility, Unit>
    {
        public async ValueTask<Unit> Handle(ChangeVisibility command, CancellationToken cancellationToken)
        {
            var person = await LockedAsync(db, command.Slug, cancellationToken);
            var isPublic = command.IsPublic!.Value;
            if (person.IsPublic == isPublic)
            {
                throw Refused(nameof(ChangeVisibility.IsPublic), isPublic ? "The person is already listed in public" : "The person is already not listed in public");
            }

            await RefuseIfOutOfOrderAsync(db, person, command.EffectiveOn!.Value, UkCalendar.Today(clock), nameof(ChangeVisibility.EffectiveOn), cancellationToken);
            db.PersonChanges.Add(new PersonChange(person, isPublic ? "Listed in public" : "No longer listed in public", null, command.EffectiveOn.Value, command.Reason.Trim(), clock.GetUtcNow()));
            person.ShowInPublic(isPublic);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The person under their row lock, so two changes sent at once are checked one after the other.</summary>
    private static async Task<Person> LockedAsync(AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM people WHERE slug = {slug} FOR UPDATE", cancellationToken);
        return await db.People.SingleOrDefaultAsync(person => person.Slug == slug, cancellationToken)
            ?? throw new NotFoundException($"There is no person '{slug}'.");
    }

    private static async Task RefuseIfOutOfOrderAsync(AppDbContext db, Person person, DateOnly effectiveOn, DateOnly today, string field, CancellationToken cancellationToken)
    {
        var latest = await db.PersonChanges.Where(change => change.PersonId == person.Id).MaxAsync(change => (DateOnly?)change.EffectiveOn, cancellationToken);
        if (PersonChangeRules.WhyNotOn(effectiveOn, today, latest) is { } refusal)
        {
            throw Refused(field, refusal);
        }
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
}
