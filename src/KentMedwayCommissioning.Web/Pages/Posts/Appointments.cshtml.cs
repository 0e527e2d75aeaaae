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

namespace KentMedwayCommissioning.Web.Pages.Posts;

/// <summary>
/// A post's holders, past and present, with forms to appoint someone and to end an appointment. An appointment is ended,
/// never edited: its last day and the reason go into the appointment's history, as a seat's do. A post with no current
/// substantive holder shows as vacant, and since when.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AppointmentsModel(ISender sender, TimeProvider clock) : PageModel
{
    public PostAppointments Post { get; private set; } = null!;

    public DateOnly Today => UkCalendar.Today(clock);

    [BindProperty]
    public AppointForm Input { get; set; } = new();

    [BindProperty]
    public EndForm Ending { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await ShowAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new Appoint(id, Input.PersonSlug ?? "", Input.Kind, Input.From, Input.To, Input.Source);
        var (appointed, _) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!appointed)
        {
            return Page();
        }

        TempData["Confirmation"] = "The appointment has been recorded.";
        return Redirect($"/posts/{id}/appointments");
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken cancellationToken)
    {
        if (await ShowAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (ended, _) = await sender.TrySendAsync(new EndAppointment(id, Ending.AppointmentId, Ending.LastDay, Ending.Reason ?? ""), ModelState, nameof(Ending), cancellationToken);
        if (!ended)
        {
            return Page();
        }

        TempData["Confirmation"] = "The appointment's last day has been recorded.";
        return Redirect($"/posts/{id}/appointments");
    }

    private async Task<IActionResult?> ShowAsync(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new Query(id), cancellationToken) is not { } post)
        {
            return NotFound();
        }

        Post = post;
        return null;
    }

    public sealed class AppointForm
    {
        public string? PersonSlug { get; set; }
        public AppointmentKind? Kind { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Source { get; set; }
    }

    public sealed class EndForm
    {
        public int? AppointmentId { get; set; }
        public DateOnly? LastDay { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(int PostId) : IQuery<PostAppointments?>;

    public sealed record PostAppointments(
        int Id, string Title, string BodyName, string BodySlug, DateOnly? BodyEndedOn, DateOnly? EstablishedOn, string? Source,
        IReadOnlyList<HolderRow> Holders, IReadOnlyList<ChangeRow> Changes, IReadOnlyList<PersonChoice> People)
    {
        private IEnumerable<Holding> Holdings => Holders.Select(holder => new Holding(holder.Kind, holder.From, holder.To));

        public PostStanding StandingOn(DateOnly day) => Vacancy.StandingOn(Holdings, day);

        public DateOnly? VacantSince => Vacancy.Since(Holdings, EstablishedOn);

        /// <summary>The appointments that can still be ended: those not over before today.</summary>
        public IEnumerable<HolderRow> Endable(DateOnly today) => Holders.Where(holder => holder.To is null || today <= holder.To);
    }

    public sealed record HolderRow(int Id, string Name, string Slug, AppointmentKind Kind, DateOnly? From, DateOnly? To, DatePrecision FromPrecision);

    public sealed record ChangeRow(string PersonName, string Change, DateOnly EffectiveOn, string Reason);

    public sealed record PersonChoice(string Name, string Slug);

    public sealed record Appoint(int PostId, string PersonSlug, AppointmentKind? Kind, DateOnly? From, DateOnly? To, string? Source) : ICommand<int>, IAdministratorCommand;

    public sealed record EndAppointment(int PostId, int? AppointmentId, DateOnly? LastDay, string Reason) : ICommand<Unit>, IAdministratorCommand;

    public sealed class AppointValidator : AbstractValidator<Appoint>
    {
        public AppointValidator()
        {
            RuleFor(command => command.PersonSlug).NotEmpty().WithMessage("Choose the person appointed").MaximumLength(200).WithMessage("Choose a person from the list");
            RuleFor(command => command.Kind).NotNull().WithMessage("Choose whether the appointment is substantive or transitional").IsInEnum().WithMessage("Choose a kind from the list");
            RuleFor(command => command.From).NotNull().WithMessage("Enter the day the appointment starts");
            RuleFor(command => command.To)
                .GreaterThanOrEqualTo(command => command.From)
                .When(command => command.From is not null && command.To is not null)
                .WithMessage("The appointment must end on or after the day it starts");
            RuleFor(command => command.Source).MaximumLength(500).WithMessage("The source must be 500 characters or fewer");
        }
    }

    public sealed class EndAppointmentValidator : AbstractValidator<EndAppointment>
    {
        public EndAppointmentValidator()
        {
            RuleFor(command => command.AppointmentId).NotNull().WithMessage("Choose the appointment that ends");
            RuleFor(command => command.LastDay).NotNull().WithMessage("Enter the appointment's last day");
            RuleFor(command => command.Reason).ChangeReason();
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, PostAppointments?>
    {
        public async ValueTask<PostAppointments?> Handle(Query query, CancellationToken cancellationToken)
        {
            var post = await db.Posts.AsNoTracking()
                .Where(post => post.Id == query.PostId)
                .Select(post => new { post.Id, post.Title, BodyName = post.Body.Name, BodySlug = post.Body.Slug, BodyEndedOn = post.Body.ExistedTo, post.EstablishedOn, post.Source })
                .SingleOrDefaultAsync(cancellationToken);
            if (post is null)
            {
                return null;
            }

            var holders = await db.Appointments.AsNoTracking()
                .Where(appointment => appointment.PostId == post.Id)
                .OrderBy(appointment => appointment.From).ThenBy(appointment => appointment.Person.FullName)
                .Select(appointment => new HolderRow(appointment.Id, appointment.Person.FullName, appointment.Person.Slug, appointment.Kind, appointment.From, appointment.To, appointment.FromPrecision))
                .ToListAsync(cancellationToken);
            var changes = await db.AppointmentChanges.AsNoTracking()
                .Where(change => change.Appointment.PostId == post.Id)
                .OrderByDescending(change => change.RecordedAt)
                .Select(change => new ChangeRow(change.Appointment.Person.FullName, change.Change, change.EffectiveOn, change.Reason))
                .ToListAsync(cancellationToken);
            var people = await db.People.AsNoTracking()
                .OrderBy(person => person.FullName)
                .Select(person => new PersonChoice(person.FullName, person.Slug))
                .ToListAsync(cancellationToken);
            return new PostAppointments(post.Id, post.Title, post.BodyName, post.BodySlug, post.BodyEndedOn, post.EstablishedOn, post.Source, holders, changes, people);
        }
    }

    internal sealed class AppointHandler(AppDbContext db) : ICommandHandler<Appoint, int>
    {
        public async ValueTask<int> Handle(Appoint command, CancellationToken cancellationToken)
        {
            // Under the post's row lock, so two overlapping appointments sent at once cannot both pass the check.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM posts WHERE id = {command.PostId} FOR UPDATE", cancellationToken);
            var post = await db.Posts.Include(post => post.Body).SingleOrDefaultAsync(post => post.Id == command.PostId, cancellationToken)
                ?? throw new NotFoundException($"There is no post {command.PostId}.");
            var person = await db.People.SingleOrDefaultAsync(person => person.Slug == command.PersonSlug, cancellationToken)
                ?? throw Refused(nameof(Appoint.PersonSlug), "Choose a person from the list");
            var held = await db.Appointments.AsNoTracking()
                .Where(appointment => appointment.PostId == post.Id && appointment.PersonId == person.Id)
                .Select(appointment => new Holding(appointment.Kind, appointment.From, appointment.To))
                .ToListAsync(cancellationToken);
            if (AppointmentRules.WhyNotAppoint(command.From!.Value, command.To, held, post.Body.Name, post.Body.ExistedTo) is { } refusal)
            {
                throw Refused(refusal.Field, refusal.Message);
            }

            var appointment = post.Appoint(person, command.Kind!.Value, command.From, command.To, string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim());
            await db.SaveChangesAsync(cancellationToken);
            return appointment.Id;
        }
    }

    internal sealed class EndAppointmentHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EndAppointment, Unit>
    {
        public async ValueTask<Unit> Handle(EndAppointment command, CancellationToken cancellationToken)
        {
            // Under the appointment's row lock, so two ends sent at once are checked one after the other.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM appointments WHERE id = {command.AppointmentId} FOR UPDATE", cancellationToken);
            var appointment = await db.Appointments
                .SingleOrDefaultAsync(appointment => appointment.Id == command.AppointmentId && appointment.PostId == command.PostId, cancellationToken)
                ?? throw Refused(nameof(EndAppointment.AppointmentId), "Choose an appointment to this post from the list");
            var lastDay = command.LastDay!.Value;
            if (AppointmentRules.WhyNotEnd(new Holding(appointment.Kind, appointment.From, appointment.To), lastDay, UkCalendar.Today(clock)) is { } refusal)
            {
                throw Refused(refusal.Field, refusal.Message);
            }

            appointment.End(lastDay);
            db.AppointmentChanges.Add(new AppointmentChange(appointment, "Ended", lastDay, command.Reason.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
}
