using KentMedwayCommissioning.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class AccountLinkConfiguration : IEntityTypeConfiguration<AccountLink>
{
    public void Configure(EntityTypeBuilder<AccountLink> builder)
    {
        builder.ToTable("account_links");
        builder.Property(link => link.UserId).HasMaxLength(450);
        builder.Property(link => link.TokenHash).HasMaxLength(64);
        // A link is found by the hash of the token in it.
        builder.HasIndex(link => link.TokenHash).IsUnique();
        builder.HasIndex(link => link.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(link => link.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
