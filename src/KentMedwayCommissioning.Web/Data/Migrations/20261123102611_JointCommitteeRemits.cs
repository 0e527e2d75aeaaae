using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JointCommitteeRemits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "delegated_functions",
                table: "joint_committee_members",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "representative_id",
                table: "joint_committee_members",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "meets_in_public",
                table: "bodies",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "terms_of_reference",
                table: "bodies",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_joint_committee_members_representative_id",
                table: "joint_committee_members",
                column: "representative_id");

            migrationBuilder.AddForeignKey(
                name: "fk_joint_committee_members_people_representative_id",
                table: "joint_committee_members",
                column: "representative_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_joint_committee_members_people_representative_id",
                table: "joint_committee_members");

            migrationBuilder.DropIndex(
                name: "ix_joint_committee_members_representative_id",
                table: "joint_committee_members");

            migrationBuilder.DropColumn(
                name: "delegated_functions",
                table: "joint_committee_members");

            migrationBuilder.DropColumn(
                name: "representative_id",
                table: "joint_committee_members");

            migrationBuilder.DropColumn(
                name: "meets_in_public",
                table: "bodies");

            migrationBuilder.DropColumn(
                name: "terms_of_reference",
                table: "bodies");
        }
    }
}
