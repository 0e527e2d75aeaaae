using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <summary>
    /// Takes published_decisions.search_vector (the register's full-text search column) and its GIN index out of the EF
    /// model while leaving both in the database, so that reading a decision no longer reads and parses its tsvector.
    /// The search filter names the column in SQL. Nothing changes in the database either way.
    /// </summary>
    public partial class SearchVectorUnmapped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
