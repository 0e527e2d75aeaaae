using System.Text.Json.Serialization;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Infrastructure.Passwords;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using KentMedwayCommissioning.Web.Infrastructure.Email;

namespace KentMedwayCommissioning.Web.Infrastructure;

public static class ServiceRegistration
{
    public static void AddKentMedwayCommissioning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("Set the connection string 'Default' (ConnectionStrings__Default), or start the app with ./scripts/run.sh.");

        services.AddDbContextPool<AppDbContext>(options => AppDbContext.Configure(options, connectionString));
        ReadDb.AddReadDb(services, connectionString, builder.Configuration.GetConnectionString("ReadOnly"));

        services
            .AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // Length over composition (NIST SP 800-63B, OWASP ASVS 2.1).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        // A password or role change (which renews the security stamp) ends the account's other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<TwoFactorEnrolment>();

        // Shared by every instance on the database, so a sign-in cookie or a form made on one is accepted by another.
        services.AddDataProtection()
            .SetApplicationName("KentMedwayCommissioning")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "kmc.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Antiforgery refuses to serve a form at all over plain HTTP when told Always; behind TLS (the forwarded
            // scheme) every request is HTTPS, so the cookie is Secure there.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimits(builder.Configuration);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "kmc.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Plain HTTP only for a developer's localhost; behind a proxy the forwarded scheme makes requests HTTPS.
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // Signed out after 30 minutes without a request (OWASP ASVS 3.3.2); each request renews the window.
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        });

        services.AddAuthorization(options =>
        {
            // Every page needs a signed-in user unless it is marked [AllowAnonymous].
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        services.AddRazorPages().AddMvcOptions(options =>
        {
            // Our FluentValidation validators decide what is required; MVC only reports values it cannot convert.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"'{value}' is not a valid value for this field");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is not a valid value for this field");
            messages.SetUnknownValueIsInvalidAccessor(_ => "Enter a valid value");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Enter a valid value");
            messages.SetValueMustBeANumberAccessor(_ => "Enter a whole number");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a whole number");
            messages.SetValueMustNotBeNullAccessor(_ => "Enter a value");
            messages.SetMissingBindRequiredValueAccessor(_ => "Enter a value");
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Authorization before validation: a user who may not act learns nothing from validation messages.
            // Then one transaction per command, with its audit entry, around the handler.
            options.PipelineBehaviors = [typeof(CommandAuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(AuditedTransactionBehaviour<,>)];
        });
        // Building a validator builds its rules' expression trees, so one that needs no service is built once and shared
        // (validators are thread-safe once built); one that reads the database is built per request.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, NeedsNoService, includeInternalTypes: true);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, validator => !NeedsNoService(validator), includeInternalTypes: true);

        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                // The one public address, never the request's Host, and without a trailing slash.
                document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = context.ApplicationServices.GetRequiredService<PublicAddress>().Root }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, _, _) =>
            {
                // A nullable enum is written as oneOf [null, the enum], and the enum itself also lists null: a null then
                // matches both branches, which oneOf refuses. Null belongs to the wrapper alone.
                if (schema.Enum is { Count: > 0 } values)
                {
                    foreach (var value in values.Where(value => value is null || value.GetValueKind() == System.Text.Json.JsonValueKind.Null).ToList())
                    {
                        values.Remove(value);
                    }
                }

                return Task.CompletedTask;
            });
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddHostedService<RegisterTreeCatchUp>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"])
            .AddCheck<ReadDbHealthCheck>("read connection", tags: ["ready"])
            .AddCheck<RegisterTreeReadyHealthCheck>("register tree", tags: ["ready"]);

        services.AddSingleton<PublicAddress>();
        services.AddSingleton(provider => RegisterSigner.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<DemoDataLoader>();
        services.AddHostedService<RegisterRetentionJob>();

        services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<Outbox>();
        services.AddHostedService<MailSender>();
    }

    private static bool NeedsNoService(AssemblyScanner.AssemblyScanResult validator) =>
        validator.ValidatorType.GetConstructors().All(constructor => constructor.GetParameters().Length == 0);
}
