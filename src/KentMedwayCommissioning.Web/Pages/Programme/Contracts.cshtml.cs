using System.Globalization;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>The register of contracts to recommission: over £650,000, every five years.</summary>
public sealed class ContractsModel(ISender sender, CurrentUser user, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ContractRow> Contracts { get; private set; } = [];

    public IReadOnlyList<(string Name, string Slug)> Bodies { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanChange => user.IsProgrammeOffice;

    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        var command = new AddContract(Input.BodySlug, Input.Service, Input.Provider, Input.Value, Input.StartedOn);
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = "The contract is on the register.";
        return Redirect("/programme/contracts");
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Today = UkCalendar.Today(clock);
        var register = await sender.Send(new Query(), cancellationToken);
        Contracts = register.Contracts;
        Bodies = register.Bodies;
    }

    public sealed class ContractForm
    {
        public string? BodySlug { get; set; }
        public string? Service { get; set; }
        public string? Provider { get; set; }
        [ModelBinder(typeof(PoundsModelBinder))]
        public decimal? Value { get; set; }
        public DateOnly? StartedOn { get; set; }
    }

    public static string Pounds(decimal value) => value.ToString("C0", CultureInfo.GetCultureInfo("en-GB"));

    public sealed record Query : IQuery<Register>;

    public sealed record Register(IReadOnlyList<ContractRow> Contracts, IReadOnlyList<(string Name, string Slug)> Bodies);

    public sealed record ContractRow(Contract Contract, string BodyName, string BodySlug);

    public sealed record AddContract(string? BodySlug, string? Service, string? Provider, decimal? Value, DateOnly? StartedOn) : ICommand<int>, IProgrammeOfficeCommand;

    public sealed class AddContractValidator : AbstractValidator<AddContract>
    {
        public AddContractValidator()
        {
            RuleFor(command => command.BodySlug).NotEmpty().WithMessage("Choose the body that holds the contract");
            RuleFor(command => command.Service).NotEmpty().WithMessage("Enter the service").MaximumLength(300).WithMessage("The service must be 300 characters or fewer");
            RuleFor(command => command.Provider).NotEmpty().WithMessage("Enter the provider").MaximumLength(300).WithMessage("The provider must be 300 characters or fewer");
            RuleFor(command => command.Value)
                .NotNull().WithMessage("Enter the contract's value in pounds")
                .InclusiveBetween(0m, 999_999_999_999m).WithMessage("Enter a value from £0 to £999,999,999,999");
            RuleFor(command => command.StartedOn).NotNull().WithMessage("Enter the date the contract started");
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Register>
    {
        public async ValueTask<Register> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodies = await db.Bodies.AsNoTracking().OrderBy(body => body.Name).Select(body => new { body.Id, body.Name, body.Slug }).ToListAsync(cancellationToken);
            var names = bodies.ToDictionary(body => body.Id);
            var contracts = (await db.Contracts.AsNoTracking().ToListAsync(cancellationToken))
                .OrderBy(contract => contract.RecommissioningDue ?? DateOnly.MaxValue)
                .ThenBy(contract => contract.Service, StringComparer.Ordinal)
                .Select(contract => new ContractRow(contract, names[contract.BodyId].Name, names[contract.BodyId].Slug))
                .ToList();
            return new Register(contracts, bodies.Select(body => (body.Name, body.Slug)).ToList());
        }
    }

    internal sealed class AddContractHandler(AppDbContext db) : ICommandHandler<AddContract, int>
    {
        public async ValueTask<int> Handle(AddContract command, CancellationToken cancellationToken)
        {
            var bodyId = await db.Bodies.Where(body => body.Slug == command.BodySlug).Select(body => (int?)body.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"There is no body '{command.BodySlug}'.");
            await ContractRegister.RefuseDuplicateAsync(db, bodyId, command.Service!, command.Provider!, command.StartedOn!.Value, cancellationToken);
            var contract = new Contract(bodyId, command.Service!, command.Provider!, command.Value!.Value, command.StartedOn!.Value);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync(cancellationToken);
            return contract.Id;
        }
    }
}
