using KentMedwayCommissioning.Web.Domain.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class RegisterTreeNodeConfiguration : IEntityTypeConfiguration<RegisterTreeNode>
{
    public void Configure(EntityTypeBuilder<RegisterTreeNode> builder)
    {
        builder.HasKey(node => new { node.Level, node.Index });
        builder.Property(node => node.Hash).HasMaxLength(32);
    }
}
