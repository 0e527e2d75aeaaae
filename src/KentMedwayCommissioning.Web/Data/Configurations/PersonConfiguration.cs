using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(person => person.FullName).HasMaxLength(200);
        builder.Property(person => person.Slug).HasMaxLength(200);
        builder.HasIndex(person => person.Slug).IsUnique();
    }
}
