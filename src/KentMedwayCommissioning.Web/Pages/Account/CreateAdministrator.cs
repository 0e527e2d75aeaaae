using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Account;

/// <summary>
/// The first administrator of an empty database, made at the server's command line
/// (<c>scripts/create-admin.sh EMAIL</c>): an Administrator account with no password, and a one-time link at which that
/// person chooses one (<see cref="SetPasswordModel"/>). For an account that exists, it issues a fresh link (the older
/// link stops working) and changes nothing else, so it is also how an administrator locked out of every account gets back in.
/// </summary>
public static class CreateAdministrator
{
    public const string CommandName = "create-admin";

    public sealed record Command(string Email) : ICommand<Issued>, ICommandLineCommand;

    public sealed record Issued(bool Created, bool IsAdministrator, [property: AuditRedacted] string Token);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email)
                .NotEmpty().WithMessage("Give the administrator's email address")
                .MaximumLength(256).WithMessage("The email address must be 256 characters or fewer")
                .EmailAddress().WithMessage("Give an email address in the correct format, like name@example.com");
        }
    }

    internal sealed class Handler(AppDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
        : ICommandHandler<Command, Issued>
    {
        public async ValueTask<Issued> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var now = clock.GetUtcNow();
            var account = await users.FindByEmailAsync(email);
            var created = account is null;
            if (account is null)
            {
                await Roles.EnsureAllAsync(roles);
                account = new ApplicationUser { UserName = email, Email = email, DisplayName = email };
                (await users.CreateAsync(account)).ThrowIfFailed(nameof(Command.Email));
                (await users.AddToRoleAsync(account, Roles.Administrator)).ThrowIfFailed(nameof(Command.Email));
            }

            var token = await AccountLinks.IssueAsync(db, account.Id, AccountLinkPurpose.SetPassword, now, cancellationToken);
            return new Issued(created, await users.IsInRoleAsync(account, Roles.Administrator), token);
        }
    }

    /// <summary>
    /// <c>create-admin EMAIL</c>: applies the migrations (the database may be new), sends the command as the command-line
    /// operator and prints the link. Returns the process's exit code.
    /// </summary>
    public static async Task<int> RunFromCommandLineAsync(WebApplication app, IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 1)
        {
            await Console.Error.WriteLineAsync($"Usage: {CommandName} EMAIL");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.CommandLineOperator;
        Issued issued;
        try
        {
            issued = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Command(arguments[0]));
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                await Console.Error.WriteLineAsync(error.ErrorMessage);
            }

            return 1;
        }

        Console.WriteLine(issued.Created
            ? $"Created the administrator account {arguments[0].Trim()}."
            : $"The account {arguments[0].Trim()} already exists; nothing about it has changed. Any earlier link for it no longer works.");
        if (!issued.IsAdministrator)
        {
            Console.WriteLine("Note: this account is not an administrator. An administrator can give it the role at /admin/accounts.");
        }

        Console.WriteLine($"Open this link within {AccountLink.Lifetime.TotalHours:0} hours to choose a password (it works once):");
        Console.WriteLine(AccountLinks.AddressOf(app.Configuration, issued.Token));
        return 0;
    }
}
