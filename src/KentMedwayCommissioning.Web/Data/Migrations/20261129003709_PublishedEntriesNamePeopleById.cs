using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedEntriesNamePeopleById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Votes and declarations now carry the person's id inside their JSON: no column changes, and entries
            // already published (append-only) keep the names they were published with.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
