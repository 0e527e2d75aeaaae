using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>A command that only the board secretary of the meeting's body (or an administrator) may send.</summary>
public interface IMeetingSecretaryCommand
{
    int MeetingId { get; }
}

/// <summary>A command that only the board secretary of the body (or an administrator) may send.</summary>
public interface IBodySecretaryCommand
{
    string BodySlug { get; }
}

/// <summary>
/// A command that touches several bodies at once (a proposal sent to each of them): programme office staff (or an
/// administrator) may send it to any bodies, a board secretary only to bodies they are secretary of, every one of them.
/// </summary>
public interface IBodiesSecretaryCommand
{
    IReadOnlyCollection<string> BodySlugs { get; }
}

/// <summary>A command that only programme office staff (or an administrator) may send.</summary>
public interface IProgrammeOfficeCommand;

/// <summary>A command that only an administrator may send (accounts and roles).</summary>
public interface IAdministratorCommand;

/// <summary>A command sent only from the server's own command line (creating the first administrator), never over HTTP.</summary>
public interface ICommandLineCommand;

/// <summary>A change to a person's register of interests (or gifts and hospitality): only its keepers may send it.</summary>
public interface IInterestRegisterCommand
{
    string PersonSlug { get; }
}

/// <summary>
/// Authorization for commands in one place, before validation and before any handler runs: a secretary command needs the
/// board secretary of the body it touches (or an administrator), a programme office command the programme office, an
/// administrator command an administrator, and a register-of-interests command one of that register's keepers.
/// Constrained to commands: a query is public or checks its reader itself, and never meets this behaviour.
/// </summary>
public sealed class CommandAuthorizationBehaviour<TMessage, TResponse>(CurrentUser user, AppDbContext db, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        int? bodyId = message switch
        {
            IMeetingSecretaryCommand meeting => await db.Meetings.Where(candidate => candidate.Id == meeting.MeetingId).Select(candidate => (int?)candidate.BodyId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"There is no meeting {meeting.MeetingId}."),
            IBodySecretaryCommand body => await db.Bodies.Where(candidate => candidate.Slug == body.BodySlug).Select(candidate => (int?)candidate.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"There is no body '{body.BodySlug}'."),
            _ => null,
        };

        if (bodyId is not null && !user.CanRunMeetingsOf(bodyId.Value))
        {
            throw new ForbiddenException("Only the board secretary of this body, or an administrator, can do this.");
        }

        if (message is IBodiesSecretaryCommand several && !user.IsProgrammeOffice)
        {
            var slugs = several.BodySlugs.Distinct().ToList();
            var bodyIds = await db.Bodies.Where(candidate => slugs.Contains(candidate.Slug)).Select(candidate => candidate.Id).ToListAsync(cancellationToken);
            if (user.SecretaryOf.Count == 0 || bodyIds.Count != slugs.Count || !bodyIds.All(user.CanRunMeetingsOf))
            {
                throw new ForbiddenException("Only programme office staff, an administrator, or the board secretary of every body chosen can do this.");
            }
        }

        if (message is IProgrammeOfficeCommand && !user.IsProgrammeOffice)
        {
            throw new ForbiddenException("Only programme office staff, or an administrator, can do this.");
        }

        if (message is ICommandLineCommand && !user.IsCommandLineOperator)
        {
            throw new ForbiddenException("This is done from the server's command line.");
        }

        if (message is IAdministratorCommand && !user.IsAdministrator)
        {
            throw new ForbiddenException("Only an administrator can do this.");
        }

        if (message is IInterestRegisterCommand register)
        {
            await InterestKeepers.RequireKeeperAsync(db, user, register.PersonSlug, UkCalendar.Today(clock), cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
