using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffNamedByRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Forecast changes were signed with the account's email, which the public milestone page showed. The audit
            // log keeps who made each change; the public history names the role. The history is append-only for the
            // application; this one correction of personal data is made here, with the guard lifted only around it.
            migrationBuilder.Sql("""
                ALTER TABLE forecast_changes DISABLE TRIGGER forecast_changes_append_only;
                UPDATE forecast_changes SET changed_by = 'Programme office' WHERE changed_by LIKE '%@%';
                ALTER TABLE forecast_changes ENABLE TRIGGER forecast_changes_append_only;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The emails are not restored: the audit log has them.
        }
    }
}
