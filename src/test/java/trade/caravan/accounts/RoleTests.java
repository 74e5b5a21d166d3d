package trade.caravan.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void thePermissionTableInTheDocsMatchesTheCode() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/permissions.md")).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| permission") && !line.startsWith("|---"))
                .toList();
        assertThat(rows).hasSize(Permission.values().length);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            Permission permission = Permission.valueOf(cells[1].strip());
            assertThat(cells[2].strip()).isEqualTo("`" + permission.authority() + "`");
            Role[] roles = Role.values();
            for (int i = 0; i < roles.length; i++) {
                boolean documented = "yes".equals(cells[4 + i].strip());
                assertThat(roles[i].grants(permission))
                        .as("%s grants %s", roles[i], permission)
                        .isEqualTo(documented);
            }
        }
    }

    @Test
    void onlyOwnersManageOwnershipAndNobodyIsInvitedAsOwner() {
        for (Role role : Role.values()) {
            assertThat(role.grants(Permission.OWNERSHIP_MANAGE)).isEqualTo(role == Role.OWNER);
            assertThat(role.invitable()).isEqualTo(role != Role.OWNER);
        }
    }

    @Test
    void everyRoleMaySeeItsOrganization() {
        for (Role role : Role.values()) {
            assertThat(role.grants(Permission.ORGANIZATION_VIEW)).isTrue();
        }
        Set<Permission> viewer = EnumSet.of(Permission.ORGANIZATION_VIEW);
        assertThat(Role.VIEWER.permissions()).isEqualTo(viewer);
    }
}
