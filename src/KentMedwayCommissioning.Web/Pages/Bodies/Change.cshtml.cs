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

namespace KentMedwayCommissioning.Web.Pages.Bodies;

/// <summary>
/// Changing a body, or ending it, each with the day it takes effect and a reason kept in the body's history. An
/// administrator changes anything; the body's own secretary may change only its description (what it does is theirs to
/// keep current; what it is, and whether it exists, is the organisation's). An ended body keeps its record, seats and
/// decisions; after its last day it takes no new meetings or seats.
/// </summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.BoardSecretary}")]
public sealed class ChangeModel(ISender sender, CurrentUser user) : PageModel
{
    public BodyNow Body { get; private set; } = null!;

    public bool IsAdministrator => user.IsAdministrator;

    [BindProperty]
    public ChangeForm Input { get; set; } = new();

    [BindProperty]
    public DescriptionForm Describing { get; set; } = new();

    [BindProperty]
    public EndForm Ending { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new ChangeForm { Name = Body.Name, Kind = Body.Kind, SubSystem = Body.SubSystem, Description = Body.Description, ExistedFrom = Body.ExistedFrom };
        Describing = new DescriptionForm { Description = Body.Description };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new ChangeBody(slug, Input.Name ?? "", Input.Kind, Input.SubSystem, Input.Description, Input.ExistedFrom, Input.EffectiveOn, Input.Reason ?? ""), nameof(Input), "The change has been recorded.", cancellationToken);

    public Task<IActionResult> OnPostDescriptionAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new ChangeDescription(slug, Describing.Description, Describing.EffectiveOn, Describing.Reason ?? ""), nameof(Describing), "The description has been changed.", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync(slug, new EndBody(slug, Ending.LastDay, Ending.Reason ?? ""), nameof(Ending), "The body's last day has been recorded.", cancellationToken);

    private async Task<IActionResult> SendAsync(string slug, ICommand<Unit> command, string prefix, string confirmation, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (sent, _) = await sender.TrySendAsync(command, ModelState, prefix, cancellationToken);
        if (!sent)
        {
            return Page();
        }

        TempData["Confirmation"] = confirmation;
        return Redirect($"/bodies/{slug}");
    }

    private async Task<IActionResult?> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await sender.Send(new Query(slug), cancellationToken);
        if (body is null)
        {
            return NotFound();
        }

        if (!user.CanRunMeetingsOf(body.Id))
        {
            return Forbid();
        }

        Body = body;
        return null;
    }

    public sealed class ChangeForm
    {
        public string? Name { get; set; }
        public BodyKind? Kind { get; set; }
        public SubSystem? SubSystem { get; set; }
        public string? Description { get; set; }
        public DateOnly? ExistedFrom { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class DescriptionForm
    {
        public string? Description { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class EndForm
    {
        public DateOnly? LastDay { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<BodyNow?>;

    public sealed record BodyNow(int Id, string Name, string Slug, BodyKind Kind, SubSystem? SubSystem, string? Description, DateOnly? ExistedFrom, DateOnly? ExistedTo);

    public sealed record ChangeBody(string BodySlug, string Name, BodyKind? Kind, SubSystem? SubSystem, string? Description, DateOnly? ExistedFrom, DateOnly? EffectiveOn, string Reason)
        : ICommand<Unit>, IAdministratorCommand;

    /// <summary>The one change a body's secretary may make: what the body does, in words.</summary>
    public sealed record ChangeDescription(string BodySlug, string? Description, DateOnly? EffectiveOn, string Reason) : ICommand<Unit>, IBodySecretaryCommand;

    public sealed record EndBody(string BodySlug, DateOnly? LastDay, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed class ChangeBodyValidator : AbstractValidator<ChangeBody>
    {
        public ChangeBodyValidator()
        {
            RuleFor(command => command.Name)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the body's name")
                .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
            RuleFor(command => command.Kind).NotNull().WithMessage("Choose what kind of body it is").IsInEnum().WithMessage("Choose a kind from the list");
            RuleFor(command => command.SubSystem).IsInEnum().WithMessage("Choose a sub-system from the list");
            RuleFor(command => command.Description).MaximumLength(2000).WithMessage("Description must be 2,000 characters or fewer");
            RuleFor(command => command.EffectiveOn).NotNull().WithMessage("Enter the day the change takes effect");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    public sealed class ChangeDescriptionValidator : AbstractValidator<ChangeDescription>
    {
        public ChangeDescriptionValidator()
        {
            RuleFor(command => command.Description).MaximumLength(2000).WithMessage("Description must be 2,000 characters or fewer");
            RuleFor(command => command.EffectiveOn).NotNull().WithMessage("Enter the day the change takes effect");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    public sealed class EndBodyValidator : AbstractValidator<EndBody>
    {
        public EndBodyValidator()
        {
            RuleFor(command => command.LastDay).NotNull().WithMessage("Enter the body's last day");
            ReasonKeptInHistory(RuleFor(command => command.Reason));
        }
    }

    private static void ReasonKeptInHistory<T>(IRuleBuilder<T, string> reason) =>
        reason
            .NotEmpty().WithMessage("Say why: the reason is kept in the body's history")
            .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, BodyNow?>
    {
        public async ValueTask<BodyNow?> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Bodies.AsNoTracking()
                .Where(body => body.Slug == query.Slug)
                .Select(body => new BodyNow(body.Id, body.Name, body.Slug, body.Kind, body.SubSystem, body.Description, body.ExistedFrom, body.ExistedTo))
                .SingleOrDefaultAsync(cancellationToken);
    }

    internal sealed class ChangeBodyHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<ChangeBody, Unit>
    {
        public async ValueTask<Unit> Handle(ChangeBody command, CancellationToken cancellationToken)
        {
            var body = await LockAsync(db, command.BodySlug, cancellationToken);
            if (body.ExistedTo is { } lastDay && command.ExistedFrom > lastDay)
            {
                throw Refused(nameof(ChangeBody.ExistedFrom), "The start date cannot be after the body's last day");
            }

            if (body.Kind == BodyKind.JointCommittee && command.Kind != BodyKind.JointCommittee && await db.JointCommitteeMembers.AnyAsync(member => member.CommitteeId == body.Id, cancellationToken))
            {
                throw Refused(nameof(ChangeBody.Kind), $"{body.Name} has member bodies, so it stays a joint committee");
            }

            var name = command.Name.Trim();
            if (name != body.Name && await db.Bodies.AnyAsync(other => other.Id != body.Id && other.Name == name, cancellationToken))
            {
                throw Refused(nameof(ChangeBody.Name), $"There is already a body called {name}");
            }

            var changes = body.Change(name, command.Kind!.Value, command.SubSystem, command.Description, command.ExistedFrom);
            if (changes.Count == 0)
            {
                throw Refused(nameof(ChangeBody.Name), "Nothing has changed: change a field, or go back");
            }

            db.BodyChanges.Add(new BodyChange(body, string.Join("; ", changes), command.EffectiveOn!.Value, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class ChangeDescriptionHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<ChangeDescription, Unit>
    {
        public async ValueTask<Unit> Handle(ChangeDescription command, CancellationToken cancellationToken)
        {
            var body = await LockAsync(db, command.BodySlug, cancellationToken);
            var changes = body.Change(body.Name, body.Kind, body.SubSystem, command.Description, body.ExistedFrom);
            if (changes.Count == 0)
            {
                throw Refused(nameof(ChangeDescription.Description), "The description is the same as before: change it, or go back");
            }

            db.BodyChanges.Add(new BodyChange(body, string.Join("; ", changes), command.EffectiveOn!.Value, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class EndBodyHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EndBody, Unit>
    {
        public async ValueTask<Unit> Handle(EndBody command, CancellationToken cancellationToken)
        {
            var body = await LockAsync(db, command.BodySlug, cancellationToken);
            var lastMeeting = await db.Meetings.Where(meeting => meeting.BodyId == body.Id)
                .OrderByDescending(meeting => meeting.StartsAt).Select(meeting => (DateTimeOffset?)meeting.StartsAt).FirstOrDefaultAsync(cancellationToken);
            var lastDay = command.LastDay!.Value;
            if (body.WhyNotEnd(lastDay, lastMeeting is { } startsAt ? UkCalendar.DayOf(startsAt) : null) is { } refusal)
            {
                throw Refused(nameof(EndBody.LastDay), refusal);
            }

            body.End(lastDay);
            db.BodyChanges.Add(new BodyChange(body, "Ended", lastDay, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The body, under its row lock, so two changes sent at once are checked and recorded one after the other.</summary>
    private static async Task<Body> LockAsync(AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM bodies WHERE slug = {slug} FOR UPDATE", cancellationToken);
        return await db.Bodies.SingleAsync(body => body.Slug == slug, cancellationToken);
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
}
