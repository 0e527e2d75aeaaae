using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_published_decisions_body_slug",
                table: "published_decisions");

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_body_slug_sequence",
                table: "published_decisions",
                columns: new[] { "body_slug", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_corrects_sequence",
                table: "published_decisions",
                column: "corrects_sequence",
                filter: "corrects_sequence IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_published_decisions_body_slug_sequence",
                table: "published_decisions");

            migrationBuilder.DropIndex(
                name: "ix_published_decisions_corrects_sequence",
                table: "published_decisions");

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_body_slug",
                table: "published_decisions",
                column: "body_slug");
        }
    }
}
