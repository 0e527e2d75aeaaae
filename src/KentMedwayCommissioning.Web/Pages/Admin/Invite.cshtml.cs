using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Infrastructure.Email;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Admin;

/// <summary>
/// An administrator invites someone: an account with the roles and bodies chosen, linked to a person record (one that
/// exists or a new one), and a one-time link at which they choose a password. The link is emailed when a mail server is
/// configured, and shown once here either way so it can be passed on by hand.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class InviteModel(ISender sender) : PageModel
{
    [BindProperty]
    public Form Input { get; set; } = new();

    public Choices Options { get; private set; } = new([], []);

    /// <summary>The invitation just made: its link is shown this once.</summary>
    public Invitation.Sent? Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Options = await sender.Send(new ChoicesQuery(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new Command(Input.Email ?? string.Empty, Input.Name ?? string.Empty, Input.PersonId, Input.Roles, Input.SecretaryOf);
        var (invited, sent) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        Options = await sender.Send(new ChoicesQuery(), cancellationToken);
        if (invited)
        {
            Sent = sent;
            Input = new Form();
        }

        return Page();
    }

    public sealed class Form
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public int? PersonId { get; set; }
        public List<string> Roles { get; set; } = [];
        public List<string> SecretaryOf { get; set; } = [];
    }

    public sealed record Choices(IReadOnlyList<(int Id, string Name)> PeopleWithoutAccounts, IReadOnlyList<(string Slug, string Name)> Bodies);

    public sealed record ChoicesQuery : IQuery<Choices>;

    public sealed record Command(string Email, string Name, int? PersonId, IReadOnlyList<string> Roles, IReadOnlyList<string> SecretaryOf)
        : ICommand<Invitation.Sent>, IAdministratorCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email)
                .NotEmpty().WithMessage("Enter their email address")
                .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
            RuleFor(command => command.Name)
                .NotEmpty().WithMessage("Enter their name")
                .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
            RuleFor(command => command.Roles)
                .NotEmpty().WithMessage("Choose at least one role");
            RuleForEach(command => command.Roles)
                .Must(role => Data.Roles.All.Contains(role)).WithMessage("Choose roles from the list");
            RuleFor(command => command.SecretaryOf)
                .Must(bodies => bodies.Count <= 50).WithMessage("Choose at most 50 bodies");
            RuleForEach(command => command.SecretaryOf).MaximumLength(200).WithMessage("Choose bodies from the list");
            RuleFor(command => command.SecretaryOf)
                .Empty().When(command => !command.Roles.Contains(Data.Roles.BoardSecretary))
                .WithMessage("Only a board secretary is secretary of a body: add the BoardSecretary role, or clear the bodies");
            RuleFor(command => command.SecretaryOf)
                .NotEmpty().When(command => command.Roles.Contains(Data.Roles.BoardSecretary))
                .WithMessage("Choose the bodies whose meetings this board secretary runs");
        }
    }

    internal sealed class ChoicesHandler(AppDbContext db) : IQueryHandler<ChoicesQuery, Choices>
    {
        public async ValueTask<Choices> Handle(ChoicesQuery query, CancellationToken cancellationToken)
        {
            var linked = db.Users.Where(user => user.PersonId != null).Select(user => user.PersonId!.Value);
            var people = await db.People.AsNoTracking().Where(person => !linked.Contains(person.Id)).OrderBy(person => person.FullName)
                .Select(person => new { person.Id, person.FullName }).ToListAsync(cancellationToken);
            var bodies = await db.Bodies.AsNoTracking().OrderBy(body => body.Name).Select(body => new { body.Slug, body.Name }).ToListAsync(cancellationToken);
            return new Choices(people.Select(person => (person.Id, person.FullName)).ToList(), bodies.Select(body => (body.Slug, body.Name)).ToList());
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<ApplicationUser> users, Outbox outbox, IConfiguration configuration, TimeProvider clock)
        : ICommandHandler<Command, Invitation.Sent>
    {
        public async ValueTask<Invitation.Sent> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var name = command.Name.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw Refuse(nameof(Command.Email), "There is already an account or an invitation for this email: open it from Accounts and roles to resend the invitation");
            }

            var bodies = await db.Bodies.Where(body => command.SecretaryOf.Contains(body.Slug)).Select(body => new { body.Id, body.Slug }).ToListAsync(cancellationToken);
            if (bodies.Count != command.SecretaryOf.Distinct().Count())
            {
                throw Refuse(nameof(Command.SecretaryOf), "Choose bodies from the list");
            }

            var person = await PersonAsync(command.PersonId, name, cancellationToken);
            var account = new ApplicationUser { UserName = email, Email = email, DisplayName = name, Person = person };
            (await users.CreateAsync(account)).ThrowIfFailed(nameof(Command.Email));
            (await users.AddToRolesAsync(account, command.Roles.Distinct())).ThrowIfFailed(nameof(Command.Roles));
            (await users.AddClaimsAsync(account, bodies.Select(body => SecretaryClaim.For(body.Id)))).ThrowIfFailed(nameof(Command.SecretaryOf));
            return await Invitation.SendAsync(db, outbox, configuration, account, clock.GetUtcNow(), cancellationToken);
        }

        /// <summary>The person the account belongs to: the one chosen (if no other account has them), or a new record with the name given.</summary>
        private async Task<Person> PersonAsync(int? personId, string name, CancellationToken cancellationToken)
        {
            if (personId is { } id)
            {
                var chosen = await db.People.SingleOrDefaultAsync(person => person.Id == id, cancellationToken)
                    ?? throw Refuse(nameof(Command.PersonId), "Choose a person from the list");
                if (await db.Users.AnyAsync(user => user.PersonId == id, cancellationToken))
                {
                    throw Refuse(nameof(Command.PersonId), $"{chosen.FullName} already has an account");
                }

                return chosen;
            }

            var slug = Slug.From(name);
            if (await db.People.AnyAsync(person => person.Slug == slug, cancellationToken))
            {
                throw Refuse(nameof(Command.PersonId), $"There is already a person record for {name}: choose it from the list, or give a name that tells them apart");
            }

            var created = new Person(name);
            db.People.Add(created);
            return created;
        }

        private static ValidationException Refuse(string field, string message) => new([new FluentValidation.Results.ValidationFailure(field, message)]);
    }
}

/// <summary>Sending an invitation's link, for the first time or again, in one place.</summary>
public static class Invitation
{
    /// <summary>The invitation as sent: the link is shown once to the administrator, and left out of the audit log.</summary>
    public sealed record Sent(string UserId, string Email, [property: AuditRedacted] string Address, bool Emailed);

    public static async Task<Sent> SendAsync(AppDbContext db, Outbox outbox, IConfiguration configuration, ApplicationUser account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await AccountLinks.IssueAsync(db, account.Id, AccountLinkPurpose.Invitation, now, cancellationToken);
        var address = AccountLinks.AddressOf(configuration, token);
        var emailed = outbox.TrySend(new OutgoingMail(
            account.Email!,
            "Your invitation to Kent and Medway Commissioning",
            $"""
            Hello {account.DisplayName},

            You have been invited to Kent and Medway Commissioning, where NHS commissioning bodies record and publish how they decide things.

            Choose your password here (the link works once, for {AccountLink.Lifetime.TotalHours:0} hours):
            {address}

            If you were not expecting this, you can ignore this email.
            """));
        return new Sent(account.Id, account.Email!, address, emailed);
    }

    /// <summary>A fresh link for an invitation not yet accepted; the earlier link stops working.</summary>
    public sealed record ResendCommand(string UserId) : ICommand<Sent>, IAdministratorCommand;

    /// <summary>Withdraws an invitation not yet accepted: its link stops working, and the account stays unable to sign in.</summary>
    public sealed record RevokeCommand(string UserId) : ICommand, IAdministratorCommand;

    internal sealed class ResendHandler(AppDbContext db, UserManager<ApplicationUser> users, Outbox outbox, IConfiguration configuration, TimeProvider clock)
        : ICommandHandler<ResendCommand, Sent>
    {
        public async ValueTask<Sent> Handle(ResendCommand command, CancellationToken cancellationToken)
        {
            var account = await PendingAsync(users, command.UserId);
            return await SendAsync(db, outbox, configuration, account, clock.GetUtcNow(), cancellationToken);
        }
    }

    internal sealed class RevokeHandler(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : ICommandHandler<RevokeCommand, Unit>
    {
        public async ValueTask<Unit> Handle(RevokeCommand command, CancellationToken cancellationToken)
        {
            var account = await PendingAsync(users, command.UserId);
            var now = clock.GetUtcNow();
            var links = await db.AccountLinks.Where(link => link.UserId == account.Id && link.Purpose == AccountLinkPurpose.Invitation).ToListAsync(cancellationToken);
            links.ForEach(link => link.Revoke(now));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>An account whose invitation has not been accepted: it has no password yet.</summary>
    private static async Task<ApplicationUser> PendingAsync(UserManager<ApplicationUser> users, string userId)
    {
        var account = await users.FindByIdAsync(userId) ?? throw new NotFoundException($"There is no account {userId}.");
        if (await users.HasPasswordAsync(account))
        {
            throw new GovernanceException($"{account.DisplayName} has already accepted their invitation and chosen a password.");
        }

        return account;
    }

    /// <summary>Where an account's invitation stands, or null once it has a password.</summary>
    public static async Task<AccountLinkState?> StateAsync(AppDbContext db, ApplicationUser account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account.PasswordHash is not null)
        {
            return null;
        }

        var newest = await db.AccountLinks.AsNoTracking().Where(link => link.UserId == account.Id && link.Purpose == AccountLinkPurpose.Invitation)
            .OrderByDescending(link => link.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        return newest?.StateAt(now);
    }
}
